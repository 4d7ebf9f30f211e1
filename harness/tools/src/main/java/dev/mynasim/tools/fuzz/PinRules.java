package dev.mynasim.tools.fuzz;

import dev.mynasim.simulator.issuer.ApplicationImage.PinImage;
import java.util.Arrays;
import java.util.List;

/**
 * When a PIN record may legally change. Anything not allowed by a rule here is a violation: a try
 * counter that goes up, or a reference value that changes.
 *
 * <p>Today: a correct VERIFY (the candidate equals the value before the command, the card answers
 * 9000) resets the counter to its limit; CHANGE REFERENCE DATA (00 24) and JICSAP CHANGE KEY (80 32)
 * that answer 9000 change the value. The issuer channel of issue 5 (office PIN reset after EXTERNAL
 * AUTHENTICATE) adds its own rule with {@link #with(Rule)} when it lands; the fuzzer's random APDUs
 * cannot authenticate to it, so for them the invariant stays as strict as it is now.
 */
public final class PinRules {

    /** One legal change of a PIN record by one command. */
    public interface Rule {
        /** Whether {@code command}, answered {@code sw}, may turn {@code before} into {@code after}. */
        boolean allows(byte[] aid, PinImage before, PinImage after, byte[] command, int sw);
    }

    /** A correct VERIFY resets the try counter to the limit, and changes nothing else. */
    public static final Rule CORRECT_VERIFY_RESETS = (aid, before, after, command, sw) ->
            sw == 0x9000 && command.length > 5 && (command[0] & 0xFF) == 0x00 && (command[1] & 0xFF) == 0x20
            && Arrays.equals(before.value(), after.value())
            && Arrays.equals(command, 5, command.length, before.value(), 0, before.value().length)
            && after.triesLeft() == after.maxTries() && before.triesLeft() > 0;

    /** A PIN change that answered 9000 changes the value (and never the counter upwards). */
    public static final Rule SUCCESSFUL_CHANGE = (aid, before, after, command, sw) ->
            sw == 0x9000 && after.triesLeft() <= Math.max(before.triesLeft(), 0)
            && (((command[0] & 0xFF) == 0x00 && (command[1] & 0xFF) == 0x24)
                || ((command[0] & 0xFF) == 0x80 && (command[1] & 0xFF) == 0x32));

    private final List<Rule> rules;

    private PinRules(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static PinRules standard() {
        return new PinRules(List.of(CORRECT_VERIFY_RESETS, SUCCESSFUL_CHANGE));
    }

    public PinRules with(Rule rule) {
        List<Rule> more = new java.util.ArrayList<>(rules);
        more.add(rule);
        return new PinRules(more);
    }

    /** Null when the change is legal, else what went wrong (no PIN values in it). */
    String check(byte[] aid, PinImage before, PinImage after, byte[] command, int sw) {
        boolean increased = after.triesLeft() > before.triesLeft();
        boolean valueChanged = !Arrays.equals(before.value(), after.value());
        if (!increased && !valueChanged) {
            return null;
        }
        for (Rule rule : rules) {
            if (rule.allows(aid, before, after, command, sw)) {
                return null;
            }
        }
        String fid = String.format("%04X", before.fid());
        return increased
            ? "PIN " + fid + " tries went up from " + before.triesLeft() + " to " + after.triesLeft()
            : "PIN " + fid + " value changed by a command that answered " + String.format("%04X", sw);
    }
}
