package dev.mynasim.harness.backend;

import dev.mynasim.harness.transport.Transport;
import dev.mynasim.harness.transport.TransportException;
import dev.mynasim.simulator.SimulatedCard;
import java.util.Optional;

/** The in-process backend: a simulated card held in this JVM, with no reader in between. */
public final class SimBackend implements Backend, CardHands {

    private final SimulatedCard card;
    private volatile boolean present = true;

    public SimBackend(SimulatedCard card) {
        this.card = card;
        card.powerOn();
    }

    public SimulatedCard card() {
        return card;
    }

    @Override
    public String name() {
        return "sim";
    }

    @Override
    public Transport transport() {
        return command -> {
            if (!present) {
                throw new TransportException("the card was removed from the reader");
            }
            return card.transmit(command);
        };
    }

    @Override
    public byte[] atr() {
        if (!present) {
            throw new TransportException("no card in the reader");
        }
        return card.atr();
    }

    /** No reader in between: the card is reached at APDU level, as if over T=1 (all contact ATRs offer only T=1). */
    @Override
    public String protocol() {
        return "T=1";
    }

    @Override
    public void reset() {
        card.reset();
    }

    @Override
    public Optional<CardHands> hands() {
        return Optional.of(this);
    }

    @Override
    public void remove() {
        present = false;
        card.powerOff();
    }

    @Override
    public void insert() {
        card.powerOn();
        present = true;
    }

    @Override
    public boolean isPresent() {
        return present;
    }

    @Override
    public void close() {
        card.powerOff();
    }
}
