package dev.mynasim.tools.fuzz;

import dev.mynasim.client.transport.SecretMasking;
import java.util.Arrays;

/** One thing the fuzzer does to the card; an episode is a list of them, replayed as is when shrinking. */
sealed interface Step {

    /**
     * One command APDU. A value class (a copy in and out, equal by content) rather than a record, whose
     * byte[] component would compare by identity; its string masks PIN bytes.
     */
    final class Send implements Step {
        private final byte[] apdu;

        Send(byte[] apdu) {
            this.apdu = apdu.clone();
        }

        byte[] apdu() {
            return apdu.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Send that && Arrays.equals(apdu, that.apdu);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(apdu);
        }

        @Override
        public String toString() {
            return SecretMasking.describe(apdu);
        }
    }

    /** A warm reset. */
    record Reset() implements Step {
        @Override
        public String toString() {
            return "RESET";
        }
    }

    /** Power off, then on. */
    record PowerCycle() implements Step {
        @Override
        public String toString() {
            return "POWER OFF/ON";
        }
    }

    /** SELECT the target, then VERIFY its unlock PIN with the value the card holds now (a legal counter reset). */
    record Unlock() implements Step {
        @Override
        public String toString() {
            return "UNLOCK (SELECT the application, VERIFY the current PIN, masked)";
        }
    }

    /** SELECT the target (a DF SELECT), then the protected operation: it must answer 6982. */
    record Probe() implements Step {
        @Override
        public String toString() {
            return "PROBE (SELECT the application, protected operation must answer 6982)";
        }
    }
}
