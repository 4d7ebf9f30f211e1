package dev.mynasim.client.backend;

import static org.awaitility.Awaitility.await;

import dev.mynasim.client.pcsc.PcscReaders;
import dev.mynasim.client.pcsc.PcscTransport;
import dev.mynasim.client.transport.Transport;
import dev.mynasim.client.transport.TransportException;
import dev.mynasim.simulator.SimulatedCard;
import dev.mynasim.simulator.fault.ControlledCard;
import dev.mynasim.simulator.vpcd.PcscEnvironment;
import dev.mynasim.simulator.vpcd.VpcdBridge;
import java.time.Duration;
import java.util.Optional;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/**
 * The card in this JVM, served into pcscd's virtual reader through our vpcd bridge, and driven back
 * through pcscd with javax.smartcardio: the whole PC/SC stack a vendor's software sees. One bridge
 * serves the whole run (pcscd sees one insertion); each scenario swaps a fresh card into the slot and
 * resets it.
 */
public final class VpcdBackend implements Backend, CardHands {

    private static final Duration PRESENCE_TIMEOUT = Duration.ofSeconds(5);
    /** Which vpcd slot a run uses (0: "Virtual PCD 00 00", 1: "Virtual PCD 00 01"). */
    public static final String SLOT_PROPERTY = "mynasim.vpcd.slot";
    private static VpcdBackend shared;

    private final SwappableCard slot;
    private final VpcdBridge bridge;
    private final String readerName;
    /** The reader side: pcscd, as any PC/SC client reaches it. */
    private final PcscBackend reader;
    private final CardTerminal terminal;

    private volatile ControlledCard controls;

    private VpcdBackend(SimulatedCard card, int slotNumber) {
        PcscEnvironment.Status status = PcscEnvironment.check(VpcdBridge.portForSlot(slotNumber));
        if (!status.ready()) {
            throw new TransportException("the vpcd reader is not available: " + status.describe());
        }
        this.slot = new SwappableCard(card);
        this.bridge = new VpcdBridge(slot, VpcdBridge.DEFAULT_HOST, VpcdBridge.portForSlot(slotNumber)).start();
        this.readerName = "Virtual PCD 00 0" + slotNumber;
        this.terminal = PcscReaders.choose(readerName);
        awaitPresence(true);
        this.reader = new PcscBackend(PcscTransport.open(readerName));
    }

    /**
     * The run's vpcd reader holding {@code controlled}'s card: the first call starts the bridge, later ones
     * swap the card. A fault that takes the card out drops the bridge's connection, so pcscd sees a removal.
     */
    public static synchronized VpcdBackend with(ControlledCard controlled) {
        SimulatedCard card = controlled.card();
        if (shared == null) {
            shared = new VpcdBackend(card, Integer.getInteger(SLOT_PROPERTY, 0));
            Runtime.getRuntime().addShutdownHook(new Thread(shared::shutdown, "mynasim-vpcd-shutdown"));
        } else {
            shared.insertIfRemoved();
            shared.slot.swap(card);
            shared.reader.reset();
        }
        VpcdBridge bridge = shared.bridge;
        controlled.faults().onRemoval(bridge::remove);
        shared.controls = controlled;
        return shared;
    }

    @Override
    public Optional<ControlledCard> controls() {
        return Optional.ofNullable(controls);
    }

    public SimulatedCard card() {
        return slot.current();
    }

    @Override
    public String name() {
        return "vpcd (" + readerName + ")";
    }

    @Override
    public Transport transport() {
        return reader.transport();
    }

    @Override
    public byte[] atr() {
        return reader.atr();
    }

    @Override
    public String protocol() {
        return reader.protocol();
    }

    @Override
    public void reset() {
        reader.reset();
    }

    @Override
    public Optional<CardHands> hands() {
        return Optional.of(this);
    }

    @Override
    public void remove() {
        bridge.remove();
        awaitPresence(false);
    }

    @Override
    public void insert() {
        bridge.insert();
        awaitPresence(true);
        reader.pcscTransport().reconnect();
    }

    private void insertIfRemoved() {
        if (!bridge.isInserted()) {
            insert();
        }
    }

    @Override
    public boolean isPresent() {
        try {
            return terminal.isCardPresent();
        } catch (CardException e) {
            throw new TransportException("pcscd does not answer for " + readerName + ": " + e.getMessage(), e);
        }
    }

    private void awaitPresence(boolean present) {
        await("card " + (present ? "inserted into " : "removed from ") + readerName)
                .atMost(PRESENCE_TIMEOUT).pollInterval(Duration.ofMillis(20))
                .until(() -> isPresent() == present);
    }

    /** The bridge and connection stay up for the next scenario; the JVM's shutdown closes them. */
    @Override
    public void close() {
    }

    private void shutdown() {
        reader.close();
        bridge.close();
    }
}
