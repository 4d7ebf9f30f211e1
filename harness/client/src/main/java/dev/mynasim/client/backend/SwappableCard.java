package dev.mynasim.client.backend;

import dev.mynasim.simulator.SimulatedCard;

/**
 * A card slot whose card can be exchanged while the vpcd bridge stays connected: one bridge serves a
 * whole run, and each scenario puts its own fresh card into it. The new card starts unpowered.
 */
final class SwappableCard implements SimulatedCard {

    private volatile SimulatedCard current;

    SwappableCard(SimulatedCard first) {
        this.current = first;
    }

    void swap(SimulatedCard next) {
        current.powerOff();
        current = next;
    }

    SimulatedCard current() {
        return current;
    }

    @Override
    public byte[] atr() {
        return current.atr();
    }

    @Override
    public void powerOn() {
        current.powerOn();
    }

    @Override
    public void powerOff() {
        current.powerOff();
    }

    @Override
    public void reset() {
        current.reset();
    }

    @Override
    public boolean isPowered() {
        return current.isPowered();
    }

    @Override
    public byte[] transmit(byte[] command) {
        return current.transmit(command);
    }
}
