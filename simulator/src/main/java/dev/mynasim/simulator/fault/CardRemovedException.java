package dev.mynasim.simulator.fault;

/** The card left the reader (or lost power) while a command was in flight: there is no response. */
public final class CardRemovedException extends RuntimeException {

    private static final long serialVersionUID = 1L;
    public CardRemovedException(String message) {
        super(message);
    }
}
