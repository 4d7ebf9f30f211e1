package dev.mynasim.cli;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.cli.reliability.OfficeCrashTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mynasim office-crashtest}: SIGKILLs {@code office} operations against a served card, checks card, CA and ledger, reruns. */
@Command(name = "office-crashtest", mixinStandardHelpOptions = true,
        description = {"Serves a card with a saved state on a vpcd slot, runs `office` operations (reissue, change of address,",
            "change of name, PIN reset) against it through pcscd as child processes, kills each with SIGKILL at a random",
            "moment, and checks: no revocation without its replacement, no fee without its operation and none twice, no card",
            "change without its ledger entry; then runs the same command again, which must complete.",
            "Prints kills, reruns, where the kills landed and violations. Needs pcscd with vpcd and a free slot."})
public final class OfficeCrashTestCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    CrashRunOptions run = new CrashRunOptions();

    @Option(names = "--seed", converter = OptionValues.Seed.class, paramLabel = "S", defaultValue = "14", description = "Seed of the kill moments (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--dir", converter = OptionValues.Folder.class, paramLabel = "DIR", description = "Folder for the card state and the CA state (default: a new temporary folder).")
    Path directory;

    @Override
    public Integer call() throws Exception {
        Persona persona = run.validatedPersona();
        int kills = run.kills;
        int slot = run.slot;
        Path dir = directory != null ? directory : Files.createTempDirectory("mynasim-office-crashtest");
        System.out.println("office-crashtest: " + kills + " kills of office operations on " + persona.id() + "'s served card (slot " + slot + "), state in " + dir);
        OfficeCrashTest.Result r = new OfficeCrashTest(persona, kills, slot, dir, seed, List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1"), System.out).run();
        System.out.printf("office-crashtest: kills %d in %d operations, reruns %d, violations %d, reader interruptions %d; stage at the kill %s; %.2f s per operation, total %.1f s%n",
                r.kills(), r.cycles(), r.reruns(), r.violations(), r.interruptions(), r.killedAt(), r.totalMillis() / 1000.0 / r.cycles(), r.totalMillis() / 1000.0);
        return r.violations() == 0 ? 0 : 1;
    }
}
