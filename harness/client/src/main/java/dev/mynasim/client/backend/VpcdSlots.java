package dev.mynasim.client.backend;

import dev.mynasim.client.transport.TransportException;
import java.time.Duration;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.TimeUnit;

/**
 * The vpcd slots as a pool of leases: a slot is leased to one user at a time, and a lease waits while
 * every slot is leased. This is the shared resource that parallel scenarios declare by asking for a vpcd
 * card: with two slots at most two vpcd scenarios run at once, whatever the thread count. The lowest free
 * slot goes first, so a lone user always gets slot 0 ("Virtual PCD 00 00").
 */
final class VpcdSlots {

    private final BlockingDeque<VpcdSlot> free = new LinkedBlockingDeque<>();

    VpcdSlots(int count) {
        for (int slot = 0; slot < count; slot++) {
            free.addLast(new VpcdSlot(slot));
        }
    }

    VpcdSlot lease(Duration timeout) {
        try {
            VpcdSlot slot = free.pollFirst(timeout.toMillis(), TimeUnit.MILLISECONDS);
            if (slot == null) {
                throw new TransportException("no vpcd slot became free in " + timeout.toSeconds() + " s: every slot is held by"
                        + " another scenario (a scenario that never ends, or more holders than slots)");
            }
            return slot;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransportException("interrupted while waiting for a vpcd slot", e);
        }
    }

    /** Disconnects the bridge of every slot not leased now (each reconnects on its next lease). */
    void disconnectIdle() {
        synchronized (free) {
            free.forEach(VpcdSlot::disconnect);
        }
    }

    /** Back to the pool, lowest slot first. */
    void release(VpcdSlot slot) {
        synchronized (free) {
            if (free.isEmpty() || free.peekFirst().number() > slot.number()) {
                free.addFirst(slot);
            } else {
                free.addLast(slot);
            }
        }
    }
}
