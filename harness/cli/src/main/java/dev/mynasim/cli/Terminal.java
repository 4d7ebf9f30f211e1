package dev.mynasim.cli;

import java.io.Console;
import java.util.Optional;

/**
 * The terminal the user types on, if there is one. Up to JDK 21 {@code System.console()} is null unless
 * standard input and output are a terminal; from JDK 22 it returns a console for pipes too, and
 * {@code Console.isTerminal()} (JDK 22) tells the two apart. MynaSim builds for Java 17 and may run on a
 * newer JDK, so both are asked: a PIN is never read from a console that is not a terminal.
 */
final class Terminal {

    private Terminal() {
    }

    /** Suppressed here only: this is the JDK 22 check the warning asks for, reached by reflection on 17. */
    @SuppressWarnings("SystemConsoleNull")
    static Optional<Console> console() {
        Console console = System.console();
        return console != null && isTerminal(console) ? Optional.of(console) : Optional.empty();
    }

    private static boolean isTerminal(Console console) {
        try {
            return (Boolean) Console.class.getMethod("isTerminal").invoke(console);
        } catch (NoSuchMethodException e) {
            return true; // JDK 21 and older: a console at all means a terminal
        } catch (ReflectiveOperationException e) {
            return false;
        }
    }
}
