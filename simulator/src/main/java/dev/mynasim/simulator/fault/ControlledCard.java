package dev.mynasim.simulator.fault;

import dev.mynasim.simulator.SimulatedCard;

/**
 * A card with every simulator control stacked on it, in the order a reader meets them: the reader's
 * short-APDU limit, then the faults, then the card's latency, then the card. Hand {@link #card()} to
 * a reader (the in-process backend, the vpcd bridge) and keep the controls for the steps or for
 * {@code serve}'s control input.
 */
public record ControlledCard(SimulatedCard card, ShortApduOnlyReader reader, FaultInjectingCard faults, LatencyCard latency) {
    public static ControlledCard wrap(SimulatedCard card, LatencyProfile latency) {
        LatencyCard slow = new LatencyCard(card, latency);
        FaultInjectingCard faults = new FaultInjectingCard(slow);
        ShortApduOnlyReader reader = new ShortApduOnlyReader(faults);
        return new ControlledCard(reader, reader, faults, slow);
    }

    public static ControlledCard wrap(SimulatedCard card) {
        return wrap(card, LatencyProfile.NONE);
    }
}
