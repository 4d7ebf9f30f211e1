package dev.mynasim.smartcardio;

import java.util.function.BooleanSupplier;
import javax.smartcardio.CardException;

/** Waits on the readers' monitor for a condition, PC/SC style: timeout in milliseconds, 0 for ever. */
final class Waiting {

    private Waiting() {
    }

    /** Call while holding {@code monitor}; true when the condition came, false when the time ran out. */
    static boolean until(Object monitor, long timeoutMillis, BooleanSupplier condition) throws CardException {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000L;
        while (!condition.getAsBoolean()) {
            long left = timeoutMillis == 0 ? 0 : (deadline - System.nanoTime()) / 1_000_000L;
            if (timeoutMillis != 0 && left <= 0) {
                return false;
            }
            try {
                monitor.wait(left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CardException("interrupted while waiting for a card event", e);
            }
        }
        return true;
    }
}
