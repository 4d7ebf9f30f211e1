package dev.mynasim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code mynasim}: the command line of the virtual My Number Card and its Gherkin harness. */
@Command(name = "mynasim",
        mixinStandardHelpOptions = true,
        version = "MynaSim 0.1.0",
        description = "A virtual My Number Card (JPKI) and a Gherkin harness for card and reader integrations.",
        subcommands = {CheckCommand.class, ServeCommand.class, ReadCommand.class, KioskCommand.class,
            OfficeCommand.class, CallCenterCommand.class, CaCommand.class, PersonasCommand.class,
            ReplayCommand.class, BenchCommand.class, FuzzCommand.class, SoakCommand.class, CrashTestCommand.class, OfficeCrashTestCommand.class, ScaleCommand.class, StepsCommand.class,
            CommandLine.HelpCommand.class})
public final class MynasimCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    public static void main(String[] args) {
        // One short line per log record (the bridge's connects and disconnects), not the JDK's two-line default.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format", "%4$s %3$s: %5$s%6$s%n");
        }
        System.exit(commandLine().execute(args));
    }

    /** The configured command line, shared by main and the tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new MynasimCommand());
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            // Known failures (bad persona file, missing pcscd, unknown reader) are explained, not dumped.
            cmd.getErr().println("mynasim " + cmd.getCommandName() + ": " + exception.getMessage());
            if (System.getenv("MYNASIM_DEBUG") != null) {
                exception.printStackTrace(cmd.getErr());
            }
            return 2;
        });
        return commandLine;
    }
}
