package dev.mynasim.console;

import dev.mynasim.simulator.ForwardingCard;
import dev.mynasim.simulator.SimulatedCard;

/**
 * The outermost decorator of the served card: tells the console every exchange as the reader saw it
 * (garbled or missing answers included) with its round trip, and every power change. The listener
 * runs on the reader's thread; keep it short.
 */
public final class ObservedCard extends ForwardingCard {

    /** What the console hears. */
    public interface Listener {
        /** One command; {@code response} is null when the card gave none ({@code failure} says why). */
        void exchanged(long startedMillis, byte[] command, byte[] response, String failure, long nanos);

        /** The card was powered off, on or reset: its selection is gone. */
        void powerChanged(String what);
    }

    private final Listener listener;

    public ObservedCard(SimulatedCard card, Listener listener) {
        super(card);
        this.listener = listener;
    }

    @Override
    public byte[] transmit(byte[] command) {
        long started = System.currentTimeMillis();
        long start = System.nanoTime();
        byte[] response;
        try {
            response = card.transmit(command);
        } catch (RuntimeException e) {
            listener.exchanged(started, command.clone(), null, e.getMessage(), System.nanoTime() - start);
            throw e;
        }
        listener.exchanged(started, command.clone(), response == null ? null : response.clone(), null, System.nanoTime() - start);
        return response;
    }

    @Override
    public void powerOn() {
        boolean wasOff = !card.isPowered();
        card.powerOn();
        if (wasOff) {
            listener.powerChanged("power on");
        }
    }

    @Override
    public void powerOff() {
        card.powerOff();
        listener.powerChanged("power off");
    }

    @Override
    public void reset() {
        card.reset();
        listener.powerChanged("reset");
    }
}
