package dev.mynasim.cli;

import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.tools.reliability.ScaleBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mynasim scale}: throughput and memory of several virtual cards driven in parallel in one JVM. */
@Command(name = "scale", mixinStandardHelpOptions = true,
        description = {"Drives 1, 2, 4 and 8 virtual cards in parallel in this JVM (one thread per card) and prints",
            "APDUs/s (READ BINARY) and JPKI sign flows/s (SELECT, VERIFY, SELECT key, RSA-2048 sign), then the heap per",
            "card (after System.gc(), with the cards held) and the process RSS."})
public final class ScaleCommand implements Callable<Integer> {

    @Option(names = "--seconds", paramLabel = "S", defaultValue = "3", description = "Per measurement (default ${DEFAULT-VALUE}).")
    double seconds;

    @Option(names = "--cards", paramLabel = "N", split = ",", defaultValue = "1,2,4,8", description = "Card counts (default ${DEFAULT-VALUE}).")
    int[] cards;

    @Option(names = "--persona", paramLabel = "NAME", defaultValue = "hanako", description = "Whose cards (default ${DEFAULT-VALUE}).")
    String personaId;

    @Override
    public Integer call() throws Exception {
        new ScaleBenchmark(Fixtures.get().personas().byId(personaId), seconds, System.out).run(cards);
        return 0;
    }
}
