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
            ReplayCommand.class, BenchCommand.class, FuzzCommand.class, SoakCommand.class, CrashTestCommand.class, OfficeCrashTestCommand.class, ScaleCommand.class, KeygenCommand.class, StepsCommand.class,
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
        // No stack trace reaches the user: a logged exception shows as its message only, unless MYNASIM_DEBUG is set.
        if (System.getProperty("java.util.logging.SimpleFormatter.format") == null) {
            System.setProperty("java.util.logging.SimpleFormatter.format",
                    System.getenv("MYNASIM_DEBUG") != null ? "%4$s %3$s: %5$s%6$s%n" : "%4$s %3$s: %5$s%n");
        }
        System.exit(commandLine().execute(args));
    }

    /** Exit status of a failed operation (the command was right, the work could not be done). */
    public static final int FAILED = 1;
    /** Exit status of a usage error (an option, a value or a file the command cannot take). */
    public static final int USAGE = 2;

    /** The configured command line, shared by main and the tests. */
    public static CommandLine commandLine() {
        CommandLine commandLine = new CommandLine(new MynasimCommand());
        // One line that names the option and what it accepts, not the whole usage text.
        commandLine.setParameterExceptionHandler((exception, args) -> {
            CommandLine cmd = exception.getCommandLine();
            // System.err, as every command prints: picocli's own writer of a subcommand may have been made
            // before the stream was redirected (tests, embedding) and then never flushed.
            System.err.println(prefix(cmd) + describe(exception) + " (see: " + cmd.getCommandSpec().qualifiedName() + " --help)");
            return USAGE;
        });
        commandLine.setExecutionExceptionHandler((exception, cmd, parseResult) -> {
            // Known failures (bad persona file, missing pcscd, unknown reader) are explained, not dumped.
            System.err.println(prefix(cmd) + explain(exception));
            if (System.getenv("MYNASIM_DEBUG") != null) {
                exception.printStackTrace(System.err);
            }
            return exception instanceof IllegalArgumentException ? USAGE : FAILED;
        });
        return commandLine;
    }

    /**
     * The problem in one line. For an argument picocli could not place (it gives up on a positional
     * parameter whose value does not convert), the positional parameter's own converter says why.
     */
    private static String describe(CommandLine.ParameterException exception) {
        if (exception instanceof CommandLine.UnmatchedArgumentException unmatched) {
            var positionals = exception.getCommandLine().getCommandSpec().positionalParameters();
            if (positionals.isEmpty()) {
                return oneLine(exception.getMessage()) + "; this command takes options only";
            }
            var p = positionals.get(0);
            for (String argument : unmatched.getUnmatched()) {
                for (CommandLine.ITypeConverter<?> converter : p.converters() == null ? new CommandLine.ITypeConverter<?>[0] : p.converters()) {
                    try {
                        converter.convert(argument);
                    } catch (Exception e) {
                        return "Invalid value for " + p.paramLabel() + ": " + oneLine(e.getMessage());
                    }
                }
            }
            return oneLine(exception.getMessage()) + "; " + p.paramLabel() + " must be "
                    + (p.description().length == 0 ? "given" : p.description()[0].replaceAll("\\.$", "").toLowerCase(java.util.Locale.ROOT));
        }
        return oneLine(exception.getMessage());
    }

    private static String prefix(CommandLine cmd) {
        return cmd.getCommandSpec().qualifiedName() + ": ";
    }

    /**
     * What went wrong, in one line: the exception's own sentence when it has one, else (a MynaSim bug:
     * a null, an overflow) what kind of fault it was and how to get the details.
     */
    static String explain(Throwable exception) {
        String message = exception.getMessage();
        boolean javaInternal = message == null || message.isBlank()
                || exception instanceof NullPointerException || exception instanceof ArithmeticException
                || exception instanceof ClassCastException || exception instanceof IndexOutOfBoundsException;
        if (javaInternal) {
            return "internal error (" + exception.getClass().getSimpleName() + "); this is a MynaSim bug: please report it,"
                    + " with the output of the same command run with MYNASIM_DEBUG=1";
        }
        return oneLine(message);
    }

    private static String oneLine(String message) {
        return message == null ? "" : message.strip().replaceAll("\\s*\\R\\s*", "; ");
    }
}
