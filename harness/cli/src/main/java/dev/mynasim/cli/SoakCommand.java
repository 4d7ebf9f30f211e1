package dev.mynasim.cli;

import dev.mynasim.tools.reliability.Soak;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mynasim soak}: mixed PC/SC traffic against an in-process served card, with a pcscd restart half-way. */
@Command(name = "soak", mixinStandardHelpOptions = true,
        description = {"Serves a card through an in-process vpcd bridge and drives reads, verifies and signs through pcscd",
            "for M minutes; prints RSS and latency percentiles per minute and error counts. Half-way it restarts pcscd",
            "(scripts/stop-pcscd.sh + start-pcscd.sh, root only) and measures how long the bridge and the client take to recover.",
            "The client needs --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED (MYNASIM_JAVA_OPTS) to renew its PC/SC context."})
public final class SoakCommand implements Callable<Integer> {

    @Option(names = "--minutes", paramLabel = "M", defaultValue = "10", description = "Duration (default ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--port", paramLabel = "N", defaultValue = "35963",
            description = "vpcd port of a slot nobody else uses (default ${DEFAULT-VALUE}: slot 0, \"Virtual PCD 00 00\"; 35964 is slot 1).")
    int port;

    @Option(names = "--reader", paramLabel = "NAME", description = "The PC/SC name of that slot (default: \"Virtual PCD 00 00\" for 35963, \"Virtual PCD 00 01\" for 35964).")
    String reader;

    @Option(names = "--no-restart", description = "Do not restart pcscd half-way.")
    boolean noRestart;

    @Override
    public Integer call() throws Exception {
        String readerName = reader != null ? reader
                : port == 35963 ? "Virtual PCD 00 00" : port == 35964 ? "Virtual PCD 00 01" : "Virtual PCD " + port + " 00 00";
        Soak.Result result = new Soak(port, readerName, (long) (minutes * 60_000), !noRestart, System.out).run();
        return result.ok() ? 0 : 1;
    }
}
