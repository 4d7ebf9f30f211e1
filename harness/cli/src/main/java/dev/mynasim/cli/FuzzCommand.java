package dev.mynasim.cli;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.tools.fuzz.FuzzStats;
import dev.mynasim.tools.fuzz.Fuzzer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code mynasim fuzz}: long seeded APDU fuzzing runs over every application and the MF level. */
@Command(name = "fuzz", mixinStandardHelpOptions = true,
        description = {"Fuzzes every application and the MF level of a virtual card with random and mutated APDUs,",
            "checking the invariants after every APDU (docs/reliability.md). Prints APDUs/s, counts per application",
            "and a status-word histogram; a failure prints the seed and a minimal reproducing sequence. Exit 1 on a failure."})
public final class FuzzCommand implements Callable<Integer> {

    @Option(names = "--apdus", paramLabel = "N", defaultValue = "100000", description = "APDUs per application (default ${DEFAULT-VALUE}).")
    long apdus;

    @Option(names = "--seed", paramLabel = "S", description = "Seed (default: random, printed).")
    Long seed;

    @Mixin
    PersonaOption personaOption = new PersonaOption();

    @Option(names = "--threads", paramLabel = "T", description = "Threads (default: the number of processors).")
    Integer threads;

    @Option(names = "--episode", paramLabel = "STEPS", defaultValue = "2000", description = "Steps per fresh card (default ${DEFAULT-VALUE}).")
    int episode;

    @Override
    public Integer call() throws Exception {
        Persona persona = personaOption.persona();
        long runSeed = seed != null ? seed : new java.security.SecureRandom().nextLong();
        int pool = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        Fuzzer fuzzer = new Fuzzer(persona, Fixtures.get().pki()).episodeLength(episode);
        System.out.printf("fuzz: persona %s, seed %d, %,d APDUs per application, %d threads, %d-step episodes, %d key components watched%n",
                persona.id(), runSeed, apdus, pool, episode, fuzzer.keyComponents());
        long start = System.nanoTime();
        List<Fuzzer.Failure> failures = fuzzer.run(runSeed, apdus, pool);
        double seconds = (System.nanoTime() - start) / 1e9;
        print(fuzzer.stats(), seconds);
        for (Fuzzer.Failure failure : failures) {
            System.out.print(failure.describe());
        }
        System.out.println(failures.isEmpty()
                ? "fuzz: 0 invariant violations"
                : "fuzz: " + failures.size() + " invariant violation(s); rerun with --seed " + runSeed);
        return failures.isEmpty() ? 0 : 1;
    }

    static void print(FuzzStats stats, double seconds) {
        long total = stats.total();
        System.out.printf("fuzz: %,d APDUs in %.1f s = %,.0f APDUs/s%n", total, seconds, total / seconds);
        for (Map.Entry<String, Long> entry : stats.perTarget().entrySet()) {
            System.out.printf("  %-12s %,12d APDUs%n", entry.getKey(), entry.getValue());
        }
        System.out.println("status words:");
        stats.statusWords().entrySet().stream()
                .sorted(Map.Entry.<Integer, Long>comparingByValue().reversed())
                .forEach(e -> System.out.printf("  %04X %,12d  %5.2f%%%n", e.getKey(), e.getValue(), 100.0 * e.getValue() / total));
    }
}
