package dev.mynasim.junit;

import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.VirtualCards;
import dev.mynasim.simulator.fault.ControlledCard;
import dev.mynasim.simulator.fault.LatencyProfile;
import dev.mynasim.simulator.vpcd.PcscEnvironment;
import dev.mynasim.simulator.vpcd.VpcdBridge;
import dev.mynasim.smartcardio.CardControl;
import dev.mynasim.smartcardio.SimulatedCardControl;
import java.util.ArrayList;
import java.util.List;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.TerminalFactory;

/**
 * The card served into a free vpcd slot of the machine's pcscd through the vpcd bridge, and reached back
 * through the JDK's "PC/SC" provider: what a native PC/SC application on this machine would see.
 */
final class PcscSession extends CardSession {

    /** pcscd polls its readers; a card shows up or goes within about half a second (design notes). */
    private static final long PRESENCE_TIMEOUT_MILLIS = 5_000;
    private static final int SLOTS = 2;

    private final ControlledCard controls;
    private final VpcdBridge bridge;
    private final CardTerminal terminal;
    private final CardControl control;

    /** Where a session can go, or why none can. */
    record FreeSlot(int slot, CardTerminal terminal, String unavailable) {
    }

    /** The first vpcd slot that pcscd serves with no card in it; {@code unavailable} says why there is none. */
    static FreeSlot findFreeSlot() {
        List<String> why = new ArrayList<>();
        for (int slot = 0; slot < SLOTS; slot++) {
            PcscEnvironment.Status status = PcscEnvironment.check(VpcdBridge.portForSlot(slot));
            if (!status.ready()) {
                why.add(status.describe());
                continue;
            }
            String name = readerName(slot);
            try {
                TerminalFactory factory = PcscEnvironment.terminalFactory();
                CardTerminal terminal = factory.terminals().getTerminal(name);
                if (terminal == null) {
                    why.add("pcscd lists no reader " + name);
                } else if (terminal.isCardPresent()) {
                    why.add(name + " already holds a card");
                } else {
                    return new FreeSlot(slot, terminal, null);
                }
            } catch (CardException | RuntimeException e) {
                why.add("pcscd does not answer for " + name + ": " + e.getMessage());
            }
        }
        return new FreeSlot(-1, null, "no free vpcd slot: " + String.join("; ", why.stream().distinct().toList()));
    }

    static String readerName(int slot) {
        return "Virtual PCD 00 0" + slot;
    }

    PcscSession(Persona persona, CardProfile profile, LatencyProfile latency, FreeSlot free) {
        super(persona);
        this.controls = ControlledCard.wrap(VirtualCards.issue(persona, Fixtures.get().pki(), profile), latency);
        this.terminal = free.terminal();
        this.bridge = new VpcdBridge(controls.card(), VpcdBridge.DEFAULT_HOST, VpcdBridge.portForSlot(free.slot())).start();
        // A fault that takes the card out drops the connection, so pcscd reports a removal.
        controls.faults().onRemoval(bridge::remove);
        this.control = new BridgeControl();
        awaitPresence(true);
    }

    @Override
    CardTerminal terminal() {
        return terminal;
    }

    @Override
    CardControl control() {
        return control;
    }

    @Override
    void closeReader() {
        bridge.close();
        awaitPresence(false);
    }

    private void awaitPresence(boolean present) {
        try {
            boolean reached = present ? terminal.waitForCardPresent(PRESENCE_TIMEOUT_MILLIS)
                    : terminal.waitForCardAbsent(PRESENCE_TIMEOUT_MILLIS);
            if (!reached) {
                throw new IllegalStateException("pcscd did not see the card " + (present ? "arrive in " : "leave ")
                        + terminal.getName() + " within " + PRESENCE_TIMEOUT_MILLIS + " ms");
            }
        } catch (CardException e) {
            throw new IllegalStateException("pcscd does not answer for " + terminal.getName() + ": " + e.getMessage(), e);
        }
    }

    /** The controls of a card in a vpcd slot: presence is the bridge's connection, faults are the simulator's. */
    private final class BridgeControl extends SimulatedCardControl {
        BridgeControl() {
            super(controls);
        }

        @Override
        public String readerName() {
            return terminal.getName();
        }

        @Override
        public Persona persona() {
            return PcscSession.this.persona();
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
        }

        @Override
        public boolean isCardPresent() {
            try {
                return terminal.isCardPresent();
            } catch (CardException e) {
                throw new IllegalStateException("pcscd does not answer for " + terminal.getName() + ": " + e.getMessage(), e);
            }
        }
    }
}
