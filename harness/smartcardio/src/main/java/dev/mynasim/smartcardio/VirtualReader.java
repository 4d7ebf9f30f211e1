package dev.mynasim.smartcardio;

import dev.mynasim.client.backend.SimBackend;
import dev.mynasim.client.transport.TransportException;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.simulator.fault.ControlledCard;
import java.time.Duration;
import java.util.Objects;
import javax.smartcardio.CardException;

/**
 * One virtual reader with a persona's card: the in-process backend (its reader timeout, its removal
 * semantics) under the simulator's controls, plus what PC/SC adds: presence events for waiters, card
 * handles that die with a removal, and one exclusive holder at a time.
 *
 * <p>All state changes happen under the readers' shared monitor ({@code events}), so a
 * {@code waitForChange} on any terminal of the same factory wakes up. Commands are sent outside it.
 */
final class VirtualReader extends SimulatedCardControl {

    private final String name;
    private final Persona persona;
    private final ControlledCard controls;
    private final SimBackend backend;
    private final Object events;

    // guarded by events
    private long changes;
    private int insertion;
    private VirtualCardHandle exclusiveHolder;

    VirtualReader(String name, Persona persona, ControlledCard controls, Duration readerTimeout, Object events) {
        super(controls);
        this.name = Objects.requireNonNull(name, "name");
        this.persona = Objects.requireNonNull(persona, "persona");
        this.controls = controls;
        this.events = events;
        this.backend = new SimBackend(controls);
        backend.setReaderTimeout(readerTimeout);
        // A fault that takes the card out is a removal like any other: handles die, waiters wake.
        controls.faults().onRemoval(this::remove);
    }

    @Override
    public String readerName() {
        return name;
    }

    @Override
    public Persona persona() {
        return persona;
    }

    @Override
    public void remove() {
        synchronized (events) {
            if (backend.isPresent()) {
                backend.remove();
                insertion++;
                exclusiveHolder = null;
                changes++;
                events.notifyAll();
            }
        }
    }

    @Override
    public void insert() {
        synchronized (events) {
            if (!backend.isPresent()) {
                // pcscd powers an inserted card at once to read its ATR; the backend does the same.
                backend.insert();
                changes++;
                events.notifyAll();
            }
        }
    }

    @Override
    public boolean isCardPresent() {
        synchronized (events) {
            return backend.isPresent();
        }
    }

    Object events() {
        return events;
    }

    /** Insertions and removals so far (under {@link #events()}). */
    long changes() {
        return changes;
    }

    /** A new handle on the card now in the reader, powering it if needed. */
    VirtualCardHandle connect() throws CardException {
        synchronized (events) {
            if (!backend.isPresent()) {
                throw new javax.smartcardio.CardNotPresentException("No card present in " + name);
            }
            controls.card().powerOn();
            return new VirtualCardHandle(this, insertion);
        }
    }

    byte[] atr() {
        return controls.card().atr();
    }

    /** Sends one APDU for {@code handle}: refused if its card left or another handle holds the reader. */
    byte[] transmit(VirtualCardHandle handle, byte[] command) throws CardException {
        checkUsable(handle);
        try {
            return backend.transport().transceive(command);
        } catch (TransportException e) {
            throw new CardException("transmit() failed: " + e.getMessage(), e);
        }
    }

    void checkUsable(VirtualCardHandle handle) throws CardException {
        synchronized (events) {
            if (handle.insertion() != insertion || !backend.isPresent()) {
                throw new CardException("SCARD_W_REMOVED_CARD: the card was removed from " + name);
            }
            if (exclusiveHolder != null && exclusiveHolder != handle) {
                throw new CardException("SCARD_E_SHARING_VIOLATION: another connection holds " + name + " exclusively");
            }
        }
    }

    /** Waits (as SCardBeginTransaction does) until no other handle holds the reader, then holds it. */
    void beginExclusive(VirtualCardHandle handle) throws CardException {
        synchronized (events) {
            while (exclusiveHolder != null && exclusiveHolder != handle) {
                if (handle.insertion() != insertion) {
                    break;
                }
                try {
                    events.wait();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new CardException("interrupted while waiting for exclusive access to " + name, e);
                }
            }
            checkUsable(handle);
            exclusiveHolder = handle;
        }
    }

    void endExclusive(VirtualCardHandle handle) {
        synchronized (events) {
            if (exclusiveHolder == handle) {
                exclusiveHolder = null;
                events.notifyAll();
            }
        }
    }

    /** Disconnecting with a reset: the card's security state goes, as SCARD_RESET_CARD does. */
    void resetCard(VirtualCardHandle handle) {
        synchronized (events) {
            if (handle.insertion() == insertion && backend.isPresent()) {
                backend.reset();
            }
        }
    }

    void close() {
        backend.close();
    }
}
