package dev.mynasim.client.backend;

import dev.mynasim.client.transport.Transport;
import dev.mynasim.simulator.fault.ControlledCard;
import java.util.Optional;

/**
 * A reader with a card in it, as the harness drives it: the raw transport, a card reset, and for
 * simulated cards the hands that can pull the card out and put it back.
 */
public interface Backend extends AutoCloseable {

    /** A short name for reports: {@code sim}, {@code vpcd}, {@code pcsc:<reader name>}. */
    String name();

    /** The raw transport (no decorators). */
    Transport transport();

    /** The ATR of the card now in the reader. */
    byte[] atr();

    /** The transmission protocol the reader negotiated, as PC/SC names it: {@code T=1}, {@code T=0}, {@code T=CL}. */
    String protocol();

    /** Warm-resets the card: its security state is gone afterwards. */
    void reset();

    /** Removal and insertion, on backends that can do them (simulated cards); empty on real readers. */
    Optional<CardHands> hands();

    /** The simulator's controls (faults, latency, reader limits) when the card is simulated here; empty otherwise. */
    default Optional<ControlledCard> controls() {
        return Optional.empty();
    }

    @Override
    void close();
}
