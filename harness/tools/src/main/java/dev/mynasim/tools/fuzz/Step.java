package dev.mynasim.tools.fuzz;

import dev.mynasim.client.transport.SecretMasking;

/** One thing the fuzzer does to the card; an episode is a list of them, replayed as is when shrinking. */
sealed interface Step {

    /** One command APDU. */
    record Send(byte[] apdu) implements Step {
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
