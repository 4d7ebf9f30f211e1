package dev.mynasim.client.backend;

import dev.mynasim.client.transport.Transport;
import dev.mynasim.simulator.fault.ControlledCard;
import dev.mynasim.simulator.vpcd.PcscEnvironment;
import dev.mynasim.simulator.vpcd.VpcdBridge;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.IntStream;

/**
 * The card in this JVM, served into one of pcscd's virtual readers through our vpcd bridge, and driven
 * back through pcscd with javax.smartcardio: the whole PC/SC stack a vendor's software sees.
 *
 * <p>A vpcd slot is a shared resource: pcscd's vpcd driver has two ({@value VpcdSlot#SLOTS}), and a slot
 * holds one card. Each {@code VpcdBackend} is a lease of one slot, held from {@link #with} until
 * {@link #close}; a second lease waits until a slot is free ({@link VpcdSlots}). So scenarios that run
 * in parallel each get a reader of their own, never more at once than there are slots. Each slot keeps
 * its bridge connected across leases (pcscd sees one insertion); a lease swaps its fresh card in.
 */
public final class VpcdBackend implements Backend, CardHands {

    /** How long a lease waits for a free slot before it fails (a scenario holds one for seconds at most). */
    private static final Duration LEASE_TIMEOUT = Duration.ofMinutes(2);
    private static final VpcdSlots SLOTS = new VpcdSlots(VpcdSlot.SLOTS);

    private final VpcdSlot slot;
    private final ControlledCard controls;
    private final AtomicBoolean released = new AtomicBoolean();

    private VpcdBackend(VpcdSlot slot, ControlledCard controls) {
        this.slot = slot;
        this.controls = controls;
    }

    /**
     * Leases a free vpcd slot (waiting for one if all are leased) and puts {@code controlled}'s card into it.
     * A fault that takes the card out drops the bridge's connection, so pcscd sees a removal.
     */
    public static VpcdBackend with(ControlledCard controlled) {
        VpcdSlot slot = SLOTS.lease(LEASE_TIMEOUT);
        try {
            slot.load(controlled);
        } catch (RuntimeException e) {
            SLOTS.release(slot);
            throw e;
        }
        return new VpcdBackend(slot, controlled);
    }

    /**
     * The slots whose vpcd port pcscd listens on now, in order: how many vpcd scenarios can run at once.
     * Empty when pcscd or vpcd is not there.
     */
    public static List<Integer> usableSlots() {
        return IntStream.range(0, VpcdSlot.SLOTS)
                .filter(slot -> PcscEnvironment.check(VpcdBridge.portForSlot(slot)).ready())
                .boxed().toList();
    }

    /**
     * Disconnects the vpcd readers no lease holds now (pcscd sees their cards removed); a later lease connects
     * again. For a program that is done with vpcd but goes on (a test class); the JVM's exit does it anyway.
     */
    public static void disconnectIdleSlots() {
        SLOTS.disconnectIdle();
    }

    @Override
    public Optional<ControlledCard> controls() {
        return Optional.of(controls);
    }

    @Override
    public String name() {
        return "vpcd (" + slot.readerName() + ")";
    }

    /** The PC/SC reader name of the leased slot, e.g. {@code Virtual PCD 00 01}. */
    public String readerName() {
        return slot.readerName();
    }

    @Override
    public Transport transport() {
        return slot.reader().transport();
    }

    @Override
    public byte[] atr() {
        return slot.reader().atr();
    }

    @Override
    public String protocol() {
        return slot.reader().protocol();
    }

    @Override
    public void reset() {
        slot.reader().reset();
    }

    @Override
    public Optional<CardHands> hands() {
        return Optional.of(this);
    }

    @Override
    public void remove() {
        slot.remove();
    }

    @Override
    public void insert() {
        slot.insert();
    }

    @Override
    public boolean isPresent() {
        return slot.isPresent();
    }

    /** Gives the slot back for the next lease; the bridge and connection stay up (the JVM's shutdown closes them). */
    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            SLOTS.release(slot);
        }
    }
}
