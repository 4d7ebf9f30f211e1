package dev.mynasim.simulator;

/**
 * A card as a reader sees it: contacts that can be powered and reset, an ATR, and APDUs.
 * {@link VirtualCard} is the My Number Card; the vpcd bridge and the in-process backend speak only this.
 * Implementations are not thread-safe: one reader drives one card at a time.
 */
public interface SimulatedCard {

    /** The answer to reset of the configured profile, TS byte included. */
    byte[] atr();

    /** Powers the card up (cold reset). Security state starts cleared. Idempotent. */
    void powerOn();

    /** Cuts the power: transient state (verified PINs, selections) is lost, persistent state stays. */
    void powerOff();

    /** Warm reset: like powerOff then powerOn. */
    void reset();

    /** Whether the card is powered. */
    boolean isPowered();

    /**
     * Sends one command APDU and returns the response APDU (data + SW1 SW2). Never throws for a
     * malformed APDU: that gets an ISO status word. Powers the card on first if it is off.
     */
    byte[] transmit(byte[] command);
}
