package dev.mynasim.cli;

import dev.mynasim.tools.bench.Benchmark;
import dev.mynasim.tools.bench.BridgeBenchmark;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mynasim bench}: prints APDU round trips, sign flows and READ throughput per path. */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Measures APDU round trip (median, p99), the JPKI sign flow and READ BINARY throughput: in-process, "
                + "through pcscd with MynaSim's vpcd bridge (slot 0), and with jCardSim's VSmartCard (slot 1).")
public final class BenchCommand implements Callable<Integer> {

    @Option(names = "--apdus", defaultValue = "5000", description = "APDUs per path. Default: ${DEFAULT-VALUE}.")
    int apdus;

    @Option(names = "--flows", defaultValue = "100", description = "Sign flows per path. Default: ${DEFAULT-VALUE}.")
    int flows;

    @Option(names = "--no-baseline", description = "Skip jCardSim's VSmartCard (it takes vpcd slot 1 and ~44 ms per APDU).")
    boolean noBaseline;

    @Option(names = "--bridge", description = "Only the vpcd bridge's own cost: a card that answers at once, through pcscd.")
    boolean bridgeOnly;

    @Option(names = "--slot", defaultValue = "0", description = "With --bridge: the vpcd slot. Default: ${DEFAULT-VALUE}.")
    int slot;

    @Option(names = "--data-bytes", defaultValue = "0",
            description = "With --bridge: send UPDATE BINARY with this many bytes instead of READ BINARY. Default: ${DEFAULT-VALUE}.")
    int dataBytes;

    @Override
    public Integer call() throws Exception {
        if (bridgeOnly) {
            try {
                System.out.println(BridgeBenchmark.measure(apdus, slot, dataBytes).describe());
                return 0;
            } catch (IllegalStateException notReady) {
                System.err.println("mynasim bench: " + notReady.getMessage());
                return 1;
            }
        }
        new Benchmark(apdus, flows, System.out).run(!noBaseline);
        System.out.flush();
        // jCardSim's VSmartCard thread never ends by itself.
        System.exit(0);
        return 0;
    }
}
