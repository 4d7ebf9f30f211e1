package dev.mynasim.tools.reliability;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The invariants of a card killed mid-command, for one PIN: after a restart its saved state must be
 * the state after exactly {@code k} of the commands sent before the kill, for some {@code k} between
 * the number of commands whose response came back (each change reaches the disk before its response
 * leaves the card) and the number of commands sent. So a try is never given back (the counter goes
 * up only by a correct VERIFY that was sent), an acknowledged change is never lost, and a changed PIN
 * is exactly the old or the new value, never a mix.
 *
 * <p>Pure logic, no card or process: {@code CrashCheckerTest} pins it. Violations never contain PIN values.
 */
public final class CrashChecker {

    private CrashChecker() {
    }

    /** One PIN as saved: tries left and value. The value is a secret: {@link #toString()} masks it. */
    public record PinState(int triesLeft, String value) {
        @Override
        public String toString() {
            return "PinState[" + triesLeft + " tries, value masked]";
        }
    }

    /** One command of the burst, on the selected PIN. */
    public enum Kind { WRONG_VERIFY, CORRECT_VERIFY, CHANGE }

    /** A command; {@code value} is what it carries (masked in {@link #toString()}). */
    public record Op(Kind kind, String value) {
        public static Op wrong(String value) {
            return new Op(Kind.WRONG_VERIFY, value);
        }

        public static Op correct(String value) {
            return new Op(Kind.CORRECT_VERIFY, value);
        }

        public static Op change(String newValue) {
            return new Op(Kind.CHANGE, newValue);
        }

        @Override
        public String toString() {
            return kind.name();
        }
    }

    /**
     * The card's rule for one command: a wrong VERIFY spends a try (none left: nothing changes), a
     * correct VERIFY resets the counter to the limit unless it is 0, a change (after a correct VERIFY in
     * the same session) replaces the value and leaves the counter alone.
     */
    public static PinState apply(PinState state, Op op, int limit) {
        return switch (op.kind()) {
            case WRONG_VERIFY -> state.triesLeft() == 0 ? state : new PinState(state.triesLeft() - 1, state.value());
            case CORRECT_VERIFY -> state.triesLeft() == 0 ? state : new PinState(limit, state.value());
            case CHANGE -> new PinState(state.triesLeft(), op.value());
        };
    }

    /** The states the card may be in after a kill: after {@code k} commands, {@code answered <= k <= sent}. */
    public static List<PinState> allowed(PinState start, List<Op> ops, int answered, int sent, int limit) {
        if (answered < 0 || answered > sent || sent > ops.size()) {
            throw new IllegalArgumentException("answered " + answered + ", sent " + sent + " of " + ops.size() + " commands");
        }
        List<PinState> out = new ArrayList<>();
        PinState state = start;
        for (int k = 0; k <= sent; k++) {
            if (k >= answered) {
                out.add(state);
            }
            if (k < sent) {
                state = apply(state, ops.get(k), limit);
            }
        }
        return out;
    }

    /**
     * Empty when the observed state is allowed; otherwise what is wrong, worst first: a value that is
     * none of the values the commands could leave (half-written), a counter above every allowed one (a
     * try given back), or a state no prefix of the commands leaves (an acknowledged change lost).
     */
    public static Optional<String> violation(PinState start, List<Op> ops, int answered, int sent, int limit, PinState observed) {
        List<PinState> allowed = allowed(start, ops, answered, sent, limit);
        if (allowed.contains(observed)) {
            return Optional.empty();
        }
        Set<String> values = new LinkedHashSet<>();
        values.add(start.value());
        ops.subList(0, sent).stream().filter(op -> op.kind() == Kind.CHANGE).forEach(op -> values.add(op.value()));
        if (!values.contains(observed.value())) {
            return Optional.of("half-written PIN: the saved value is none of the " + values.size()
                    + " value(s) the commands sent could leave (old or new)");
        }
        int maxTries = allowed.stream().mapToInt(PinState::triesLeft).max().orElse(-1);
        if (observed.triesLeft() > maxTries) {
            return Optional.of("counter went up: " + observed.triesLeft() + " tries left, at most " + maxTries
                    + " allowed after " + answered + " answered / " + sent + " sent commands");
        }
        return Optional.of("state no prefix of the commands leaves (" + observed.triesLeft() + " tries left after "
                + answered + " answered / " + sent + " sent commands: an acknowledged change was lost)");
    }
}
