package dev.mynasim.simulator.fault;

/** What can go wrong with the next command, as {@link FaultInjectingCard#arm} injects it. */
public enum Fault {
    /** The card leaves the reader before it processes the command: no effect on the card, no response. */
    PULLED_OUT_DURING_COMMAND,
    /**
     * The card processes the command (a VERIFY's try is already spent: the counter goes down before
     * the comparison) and loses power before the response: no response, and the card is out.
     */
    POWER_LOST_AFTER_PROCESSING,
    /** The response comes back with every bit inverted (9000 arrives as 6FFF). */
    GARBLED_RESPONSE
}
