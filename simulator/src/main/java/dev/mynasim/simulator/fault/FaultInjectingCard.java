package dev.mynasim.simulator.fault;

import dev.mynasim.simulator.ForwardingCard;
import dev.mynasim.simulator.SimulatedCard;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Decorator that injects the faults jCardSim cannot model: a card pulled out or losing power in the
 * middle of a command, a garbled response, a card slower than the reader's patience, a mute card (ATR,
 * but no answers). The Gherkin fault steps and {@code mynasim serve}'s control input call it.
 *
 * <p>A removal needs the reader's cooperation: the backend that holds the card sets
 * {@link #onRemoval(Runnable)} to what "the card left" means there (the in-process reader marks itself
 * empty; the vpcd bridge drops its connection, so pcscd reports the removal).
 */
public final class FaultInjectingCard extends ForwardingCard {

    /** A mute card holds a command at most this long; the reader gives up well before. */
    private static final Duration MUTE_LIMIT = Duration.ofMinutes(2);

    private volatile Fault armed;
    private volatile Predicate<byte[]> armedFor = command -> true;
    private volatile Duration slowBy = Duration.ZERO;
    private volatile CountDownLatch muteUntilPowerOff;
    private volatile Runnable onRemoval = () -> { };

    public FaultInjectingCard(SimulatedCard card) {
        super(card);
    }

    /** What the reader does when the card leaves during a command. */
    public void onRemoval(Runnable removal) {
        this.onRemoval = Objects.requireNonNull(removal, "removal");
    }

    /** The next command (only that one) meets {@code fault}. */
    public void arm(Fault fault) {
        arm(fault, command -> true);
    }

    /** The next command that {@code matches} (only that one) meets {@code fault}; others pass untouched. */
    public void arm(Fault fault, Predicate<byte[]> matches) {
        this.armedFor = Objects.requireNonNull(matches, "matches");
        this.armed = Objects.requireNonNull(fault, "fault");
    }

    /** Matches commands with this INS byte, e.g. {@code 0x20} for VERIFY. */
    public static Predicate<byte[]> instruction(int ins) {
        return command -> command.length >= 4 && (command[1] & 0xFF) == ins;
    }

    /** Whether a fault is armed and waiting for a command. */
    public Fault armed() {
        return armed;
    }

    /** Every answer from now on comes {@code delay} late (a slow card); {@link Duration#ZERO} ends it. */
    public void slowDown(Duration delay) {
        if (delay.isNegative()) {
            throw new IllegalArgumentException("a delay cannot be negative: " + delay);
        }
        this.slowBy = delay;
    }

    /** The delay every answer gets now ({@link Duration#ZERO}: none). */
    public Duration slowBy() {
        return slowBy;
    }

    /** From now until it loses power, the card answers nothing (the reader still has its ATR). */
    public void goMute() {
        muteUntilPowerOff = new CountDownLatch(1);
    }

    public boolean isMute() {
        return muteUntilPowerOff != null;
    }

    /** Takes every fault away: nothing armed, no delay, not mute. */
    public void clear() {
        armed = null;
        slowBy = Duration.ZERO;
        endMute();
    }

    @Override
    public byte[] transmit(byte[] command) {
        CountDownLatch mute = muteUntilPowerOff;
        if (mute != null) {
            awaitQuietly(mute, MUTE_LIMIT);
            throw new CardRemovedException("the mute card never answered");
        }
        Fault fault = armed;
        if (fault != null && armedFor.test(command)) {
            armed = null;
        } else {
            fault = null;
        }
        if (fault == Fault.PULLED_OUT_DURING_COMMAND) {
            leaveTheReader();
            throw new CardRemovedException("the card was pulled out during the command");
        }
        byte[] response = card.transmit(command);
        if (fault == Fault.POWER_LOST_AFTER_PROCESSING) {
            leaveTheReader();
            throw new CardRemovedException("the card lost power after processing the command, before answering");
        }
        Duration delay = slowBy;
        if (!delay.isZero()) {
            awaitQuietly(new CountDownLatch(1), delay);
        }
        if (fault == Fault.GARBLED_RESPONSE) {
            byte[] garbled = response.clone();
            for (int i = 0; i < garbled.length; i++) {
                garbled[i] = (byte) ~garbled[i];
            }
            return garbled;
        }
        return response;
    }

    private void leaveTheReader() {
        card.powerOff();
        onRemoval.run();
    }

    /** Really waits (the card takes that long), but gives up at once if the thread is interrupted. */
    private static void awaitQuietly(CountDownLatch latch, Duration limit) {
        try {
            latch.await(limit.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void endMute() {
        CountDownLatch mute = muteUntilPowerOff;
        muteUntilPowerOff = null;
        if (mute != null) {
            mute.countDown();
        }
    }

    /** Losing power ends muteness (a mute card is a hung card, and power-cycling is what a user does). */
    @Override
    public void powerOff() {
        endMute();
        card.powerOff();
    }

    @Override
    public void reset() {
        endMute();
        card.reset();
    }
}
