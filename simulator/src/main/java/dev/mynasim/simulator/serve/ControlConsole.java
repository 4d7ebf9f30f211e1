package dev.mynasim.simulator.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

/**
 * The control input of {@code mynasim serve}: one command per line on standard input
 * ({@code remove}, {@code insert}, {@code reset}, {@code status}, {@code quit}, {@code help}).
 * End of input stops the console, not the server.
 */
public final class ControlConsole implements Runnable {

    public static final String HELP = "commands: remove | insert | reset | status | quit | help";

    private final CardServer server;
    private final InputStream in;
    private final PrintStream out;
    private final Runnable quit;

    public ControlConsole(CardServer server, InputStream in, PrintStream out, Runnable quit) {
        this.server = server;
        this.in = in;
        this.out = out;
        this.quit = quit;
    }

    @Override
    public void run() {
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!execute(line.trim())) {
                    return;
                }
            }
            out.println("serve: standard input closed; still serving (stop with Ctrl-C or SIGTERM)");
        } catch (IOException e) {
            out.println("serve: cannot read standard input (" + e.getMessage() + "); still serving");
        }
    }

    /** Runs one command; false when it was {@code quit}. */
    boolean execute(String command) {
        switch (command.toLowerCase(Locale.ROOT)) {
            case "" -> { }
            case "remove" -> {
                server.remove();
                out.println("card removed from " + server.readerName());
            }
            case "insert" -> {
                server.insert();
                out.println("card inserted into " + server.readerName());
            }
            case "reset" -> {
                server.reset();
                out.println("card reset");
            }
            case "status" -> server.status().forEach(out::println);
            case "quit", "exit" -> {
                quit.run();
                return false;
            }
            case "help" -> out.println(HELP);
            default -> out.println("unknown command \"" + command + "\"; " + HELP);
        }
        out.flush();
        return true;
    }
}
