package dev.mynasim.simulator;

import java.util.Objects;

/**
 * A decorator base for {@link SimulatedCard}: forwards everything to the card it wraps, so a decorator
 * (latency, faults, a limited reader, a test double) overrides only what it changes.
 */
public abstract class ForwardingCard implements SimulatedCard {

    protected final SimulatedCard card;

    protected ForwardingCard(SimulatedCard card) {
        this.card = Objects.requireNonNull(card, "card");
    }

    /** The card this one wraps. */
    public SimulatedCard card() {
        return card;
    }

    @Override
    public byte[] atr() {
        return card.atr();
    }

    @Override
    public void powerOn() {
        card.powerOn();
    }

    @Override
    public void powerOff() {
        card.powerOff();
    }

    @Override
    public void reset() {
        card.reset();
    }

    @Override
    public boolean isPowered() {
        return card.isPowered();
    }

    @Override
    public byte[] transmit(byte[] command) {
        return card.transmit(command);
    }
}
