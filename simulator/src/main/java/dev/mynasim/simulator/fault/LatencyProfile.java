package dev.mynasim.simulator.fault;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How long the card takes per command: a fixed cost per command, plus a cost per 256 bytes a READ
 * BINARY returns, per VERIFY with data, and per 80 2A signature (RSA-2048). No public measurement of
 * a My Number Card's timing exists (docs/card-reference.md §8.4): the named profiles are configurable estimates,
 * in the order of magnitude of contact and contactless smart cards, not measured values.
 *
 * <p>Text form (for {@code --latency} and the Gherkin step): a profile name ({@code none},
 * {@code contact}, {@code contactless}), optionally followed by overrides in milliseconds, e.g.
 * {@code contact,sign=800} or {@code command=2,read256=10,verify=20,sign=500} (unnamed parts start at 0).
 */
public record LatencyProfile(String name, Duration perCommand, Duration perReadBlock, Duration perVerify, Duration perSignature) {
    public static final int READ_BLOCK = 256;
    public static final LatencyProfile NONE = ofMillis("none", 0, 0, 0, 0);
    /** Estimate: T=1 at a common contact reader speed; RSA-2048 on a smart-card coprocessor. */
    public static final LatencyProfile CONTACT = ofMillis("contact", 3, 12, 25, 450);
    /** Estimate: Type B at 106–424 kbit/s, longer frames and field setup; slower RSA under field power. */
    public static final LatencyProfile CONTACTLESS = ofMillis("contactless", 8, 30, 40, 900);
    private static final Map<String, LatencyProfile> NAMED = Map.of("none", NONE, "contact", CONTACT, "contactless", CONTACTLESS);

    private static final int INS_READ_BINARY = 0xB0;
    private static final int INS_VERIFY = 0x20;
    private static final int INS_SIGN = 0x2A;

    public LatencyProfile {
        for (Duration d : new Duration[] {perCommand, perReadBlock, perVerify, perSignature}) {
            if (d.isNegative()) {
                throw new IllegalArgumentException("latency profile " + name + ": a delay cannot be negative");
            }
        }
    }

    public static LatencyProfile ofMillis(String name, long command, long readBlock, long verify, long signature) {
        return new LatencyProfile(name, Duration.ofMillis(command), Duration.ofMillis(readBlock),
                Duration.ofMillis(verify), Duration.ofMillis(signature));
    }

    /** Parses the text form; a bad name or part gets a message listing what is accepted. */
    public static LatencyProfile parse(String text) {
        String[] parts = text.trim().toLowerCase(Locale.ROOT).split("\\s*,\\s*", -1); // -1: a trailing comma is a bad (empty) part
        LatencyProfile base = NONE;
        int first = 0;
        if (!parts[0].contains("=")) {
            base = NAMED.get(parts[0]);
            if (base == null) {
                throw new IllegalArgumentException("unknown latency profile \"" + parts[0] + "\"; known: " + NAMED.keySet()
                        + ", or parts like command=3,read256=12,verify=25,sign=450 (milliseconds)");
            }
            first = 1;
        }
        Map<String, Long> millis = new LinkedHashMap<>();
        millis.put("command", base.perCommand.toMillis());
        millis.put("read256", base.perReadBlock.toMillis());
        millis.put("verify", base.perVerify.toMillis());
        millis.put("sign", base.perSignature.toMillis());
        for (int i = first; i < parts.length; i++) {
            String[] keyValue = parts[i].split("=", 2);
            if (keyValue.length != 2 || !millis.containsKey(keyValue[0]) || !keyValue[1].matches("\\d{1,6}")) {
                throw new IllegalArgumentException("bad latency part \"" + parts[i] + "\" in \"" + text
                        + "\"; expected command=MS, read256=MS, verify=MS or sign=MS");
            }
            millis.put(keyValue[0], Long.parseLong(keyValue[1]));
        }
        String name = first == parts.length ? base.name : text.trim();
        return ofMillis(name, millis.get("command"), millis.get("read256"), millis.get("verify"), millis.get("sign"));
    }

    /** The delay the card adds before answering {@code command} with {@code response}. */
    public Duration delayFor(byte[] command, byte[] response) {
        Duration delay = perCommand;
        if (command.length < 4) {
            return delay;
        }
        boolean proprietary = (command[0] & 0x80) != 0;
        int ins = command[1] & 0xFF;
        if (!proprietary && ins == INS_READ_BINARY) {
            int data = Math.max(0, response.length - 2);
            int blocks = (data + READ_BLOCK - 1) / READ_BLOCK;
            delay = delay.plus(perReadBlock.multipliedBy(blocks));
        } else if (!proprietary && ins == INS_VERIFY && command.length > 5) {
            delay = delay.plus(perVerify);
        } else if (proprietary && ins == INS_SIGN) {
            delay = delay.plus(perSignature);
        }
        return delay;
    }

    @Override
    public String toString() {
        return String.format("%s (command %d ms, READ BINARY +%d ms per %d bytes, VERIFY +%d ms, signature +%d ms)",
                name, perCommand.toMillis(), perReadBlock.toMillis(), READ_BLOCK, perVerify.toMillis(), perSignature.toMillis());
    }
}
