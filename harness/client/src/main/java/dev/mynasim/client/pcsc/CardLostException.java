package dev.mynasim.client.pcsc;

import dev.mynasim.client.transport.TransportException;

/**
 * The card went away under a session: it was removed, or reset by someone else (another application, or a
 * reader that cut power). Its security state and selections are gone; the transport reconnects on the next
 * command, and the caller must select its application again.
 */
public class CardLostException extends TransportException {

    private static final long serialVersionUID = 1L;

    private final boolean removed;

    public CardLostException(String message, boolean removed, Throwable cause) {
        super(message, cause);
        this.removed = removed;
    }

    /** True when the card was (or looked) removed; false when it was reset and is still there. */
    public boolean removed() {
        return removed;
    }
}
