package dev.mynasim.client.transport;

/** No response could be had from the card: it was removed, the reader went away, or the link broke. */
public class TransportException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public TransportException(String message) {
        super(message);
    }

    public TransportException(String message, Throwable cause) {
        super(message, cause);
    }
}
