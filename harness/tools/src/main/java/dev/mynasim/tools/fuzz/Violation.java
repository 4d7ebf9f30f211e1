package dev.mynasim.tools.fuzz;

/** A broken invariant: which one, what happened (never a PIN value or key bytes), at which step. */
public record Violation(Kind kind, String detail, int step) {

    public enum Kind {
        /** The card answered 6F00 or threw: a simulator bug. */
        CRASH,
        /** The response does not end in a status word of an ISO class. */
        INVALID_STATUS_WORD,
        /** The response holds a run of private-key material. */
        KEY_LEAK,
        /** A PIN try counter went up or a PIN value changed without a rule allowing it. */
        PIN_STATE,
        /** A protected operation did not answer 6982 right after a reset or a DF SELECT. */
        SECURITY_STATE_SURVIVED
    }

    @Override
    public String toString() {
        return kind + " at step " + step + ": " + detail;
    }
}
