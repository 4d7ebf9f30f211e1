package dev.mynasim.cli;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.tools.reliability.CrashTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code mynasim crashtest}: SIGKILLs {@code serve} during PIN traffic, restarts it, checks the saved state. */
@Command(name = "crashtest", mixinStandardHelpOptions = true,
        description = {"Starts `serve` as a child process on a vpcd slot, drives wrong VERIFYs, correct VERIFYs and PIN",
            "changes through pcscd, kills it with SIGKILL at a random moment, restarts it, and checks that the state file",
            "loads, no try is given back, no acknowledged change is lost and a changed PIN is exactly the old or the new value.",
            "Prints kills, restarts, time per cycle and violations. Needs pcscd with vpcd and a free slot."})
public final class CrashTestCommand implements Callable<Integer> {

    @picocli.CommandLine.Mixin
    CrashRunOptions run = new CrashRunOptions();

    @Option(names = "--seed", converter = OptionValues.Seed.class, paramLabel = "S", defaultValue = "8", description = "Seed of the kill moments and bursts (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--state", converter = OptionValues.StateFile.class, paramLabel = "FILE", description = "State file of the served card (default: a new temporary folder).")
    Path state;

    @Option(names = "--serve-jvm-opt", converter = OptionValues.Text.class, paramLabel = "OPT", split = ",",
            defaultValue = "-XX:+UseSerialGC",
            description = "JVM options of the served child (default ${DEFAULT-VALUE}; an AppCDS archive written by a first, uncounted start is added).")
    List<String> serveJvmOptions;

    @Override
    public Integer call() throws Exception {
        Persona persona = run.validatedPersona();
        int kills = run.kills;
        int slot = run.slot;
        Path file = state != null ? state : Files.createTempDirectory("mynasim-crashtest").resolve(persona.id() + ".json");
        System.out.println("crashtest: " + kills + " kills of serve (persona " + persona.id() + ", slot " + slot + "), state file " + file);
        CrashTest.Result r = new CrashTest(persona, kills, slot, file, seed, serveJvmOptions, System.out).run();
        System.out.printf("crashtest: kills %d, restarts %d, violations %d; %d kills with a command in flight;"
                        + " %.2f s per cycle, %.0f ms from start of serve to card ready, %.1f commands per burst; total %.1f s%n",
                r.kills(), r.restarts(), r.violations(), r.inFlightKills(), r.totalMillis() / 1000.0 / r.kills(),
                r.meanRestartMillis(), r.meanBurstCommands(), r.totalMillis() / 1000.0);
        return r.violations() == 0 ? 0 : 1;
    }
}
