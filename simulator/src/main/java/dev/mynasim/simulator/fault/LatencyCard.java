package dev.mynasim.simulator.fault;

import dev.mynasim.simulator.ForwardingCard;
import dev.mynasim.simulator.SimulatedCard;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.locks.LockSupport;

/**
 * Decorator: the card really takes as long as its {@link LatencyProfile} says before it answers. For
 * {@code mynasim serve --latency PROFILE} and the Gherkin latency step. Tests assert the profile's
 * computed delay ({@link #lastDelay()}), never wall-clock time.
 */
public final class LatencyCard extends ForwardingCard {
    private volatile LatencyProfile profile;
    private volatile Duration lastDelay = Duration.ZERO;

    public LatencyCard(SimulatedCard card, LatencyProfile profile) {
        super(card);
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /** The card that answers (below the delay). */

    public LatencyProfile profile() {
        return profile;
    }

    public void setProfile(LatencyProfile profile) {
        this.profile = Objects.requireNonNull(profile, "profile");
    }

    /** The delay the last command was given. */
    public Duration lastDelay() {
        return lastDelay;
    }

    @Override
    public byte[] transmit(byte[] command) {
        byte[] response = card.transmit(command);
        Duration delay = profile.delayFor(command, response);
        lastDelay = delay;
        long deadline = System.nanoTime() + delay.toNanos();
        for (long left = delay.toNanos(); left > 0 && !Thread.currentThread().isInterrupted(); left = deadline - System.nanoTime()) {
            LockSupport.parkNanos(left);
        }
        return response;
    }
}
