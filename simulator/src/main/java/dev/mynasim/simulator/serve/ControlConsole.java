package dev.mynasim.simulator.serve;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.fault.ControlledCard;
import dev.mynasim.simulator.fault.Fault;
import dev.mynasim.simulator.fault.FaultInjectingCard;
import dev.mynasim.simulator.fault.LatencyProfile;

/**
 * The control input of {@code mynasim serve}: one command per line on standard input
 * ({@code remove}, {@code insert}, {@code reset}, {@code status}, {@code quit}, {@code help}).
 * End of input stops the console, not the server.
 */
public final class ControlConsole implements Runnable {

    public static final String HELP = """
            commands: remove | insert | reset | status | quit | help
              faults:  pull-out [verify] | power-loss [verify] | garble [verify] | slow MS | mute | clear
              reader:  latency none|contact|contactless|command=3,read256=12,verify=25,sign=450 | short-apdus on|off | atr NAME""";

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

    /** Runs one command; false when it was {@code quit}. A bad argument is answered, never fatal. */
    public boolean execute(String line) {
        String[] words = line.split("\\s+", 2);
        String command = words[0];
        String argument = words.length > 1 ? words[1].trim() : "";
        try {
            return execute(command, argument);
        } catch (IllegalArgumentException e) {
            out.println("serve: " + e.getMessage());
            out.flush();
            return true;
        }
    }

    private boolean execute(String command, String argument) {
        ControlledCard controls = server.controls();
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
            case "pull-out" -> arm(Fault.PULLED_OUT_DURING_COMMAND, argument);
            case "power-loss" -> arm(Fault.POWER_LOST_AFTER_PROCESSING, argument);
            case "garble" -> arm(Fault.GARBLED_RESPONSE, argument);
            case "slow" -> {
                controls.faults().slowDown(Duration.ofMillis(Long.parseLong(requireArgument(command, argument))));
                out.println("the card now takes " + argument + " ms per command");
            }
            case "mute" -> {
                controls.faults().goMute();
                out.println("the card is mute until it is powered off (remove, insert)");
            }
            case "clear" -> {
                controls.faults().clear();
                out.println("faults cleared");
            }
            case "latency" -> {
                controls.latency().setProfile(LatencyProfile.parse(requireArgument(command, argument)));
                out.println("latency " + controls.latency().profile());
            }
            case "short-apdus" -> {
                controls.reader().setLimited(requireArgument(command, argument).equalsIgnoreCase("on"));
                out.println("the reader " + (controls.reader().isLimited() ? "refuses" : "carries") + " extended APDUs");
            }
            case "atr" -> {
                server.card().setProfile(CardProfile.named(requireArgument(command, argument)));
                out.println("ATR profile " + server.card().profile().name().toLowerCase(Locale.ROOT)
                        + " (pcscd reads it at the next insertion: remove, insert)");
            }
            default -> out.println("unknown command \"" + command + "\"; " + HELP);
        }
        out.flush();
        return true;
    }

    /** Arms a fault for the next command, or with "verify" for the next VERIFY. */
    private void arm(Fault fault, String argument) {
        if (argument.equalsIgnoreCase("verify")) {
            server.controls().faults().arm(fault, FaultInjectingCard.instruction(0x20));
            out.println(fault + " armed for the next VERIFY");
        } else if (argument.isEmpty()) {
            server.controls().faults().arm(fault);
            out.println(fault + " armed for the next command");
        } else {
            throw new IllegalArgumentException("after " + fault + " give nothing or \"verify\", not \"" + argument + "\"");
        }
    }

    private static String requireArgument(String command, String argument) {
        if (argument.isEmpty()) {
            throw new IllegalArgumentException("\"" + command + "\" needs an argument; " + HELP);
        }
        return argument;
    }
}
