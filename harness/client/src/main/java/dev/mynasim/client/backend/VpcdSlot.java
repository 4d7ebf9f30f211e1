package dev.mynasim.client.backend;

import static org.awaitility.Awaitility.await;

import dev.mynasim.client.pcsc.PcscReaders;
import dev.mynasim.client.pcsc.PcscTransport;
import dev.mynasim.client.transport.TransportException;
import dev.mynasim.simulator.fault.ControlledCard;
import dev.mynasim.simulator.vpcd.PcscEnvironment;
import dev.mynasim.simulator.vpcd.VpcdBridge;
import java.time.Duration;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/**
 * One of pcscd's vpcd readers with our bridge connected to it: started on its first lease, then kept
 * for the JVM's life (closed by a shutdown hook), each lease swapping its own card in. Used by one lease
 * at a time ({@link VpcdSlots}).
 */
final class VpcdSlot {

    /** Debian's vpcd driver serves two readers, "Virtual PCD 00 00" and "Virtual PCD 00 01" (docs/pcsc.md). */
    static final int SLOTS = 2;
    private static final Duration PRESENCE_TIMEOUT = Duration.ofSeconds(5);

    private final int number;
    private final String readerName;
    private SwappableCard card;
    private VpcdBridge bridge;
    private PcscBackend reader;
    private CardTerminal terminal;
    private boolean shutdownHooked;

    VpcdSlot(int number) {
        this.number = number;
        this.readerName = "Virtual PCD 00 0" + number;
    }

    int number() {
        return number;
    }

    String readerName() {
        return readerName;
    }

    PcscBackend reader() {
        return reader;
    }

    /** Puts the controlled card into this reader: the bridge's first card, or a swap for the last lease's. */
    synchronized void load(ControlledCard controlled) {
        if (bridge == null) {
            start(controlled);
        } else {
            if (!bridge.isInserted()) {
                insert();
            }
            card.swap(controlled.card());
            reader.reset();
        }
        controlled.faults().onRemoval(bridge::remove);
    }

    private void start(ControlledCard controlled) {
        int port = VpcdBridge.portForSlot(number);
        PcscEnvironment.Status status = PcscEnvironment.check(port);
        if (!status.ready()) {
            throw new TransportException("the vpcd reader " + readerName + " is not available: " + status.describe());
        }
        card = new SwappableCard(controlled.card());
        bridge = new VpcdBridge(card, VpcdBridge.DEFAULT_HOST, port).start();
        terminal = PcscReaders.choose(readerName);
        awaitPresence(true);
        reader = new PcscBackend(PcscTransport.open(readerName));
        if (!shutdownHooked) {
            Runtime.getRuntime().addShutdownHook(new Thread(this::disconnect, "mynasim-vpcd-shutdown-" + number));
            shutdownHooked = true;
        }
    }

    void remove() {
        bridge.remove();
        awaitPresence(false);
    }

    void insert() {
        bridge.insert();
        awaitPresence(true);
        reader.pcscTransport().reconnect();
    }

    boolean isPresent() {
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

    /** Closes the reader and the bridge (pcscd sees a removal); the next {@link #load} starts them again. */
    synchronized void disconnect() {
        if (bridge != null) {
            reader.close();
            bridge.close();
            bridge = null;
        }
    }
}
