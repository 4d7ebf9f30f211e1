package dev.mynasim.simulator.serve;

import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.fault.ControlledCard;
import dev.mynasim.simulator.state.CardState;
import dev.mynasim.simulator.state.CardStateFile;
import dev.mynasim.simulator.vpcd.VpcdBridge;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A persona's virtual card in a vpcd slot, with its state file: what {@code mynasim serve} runs.
 * The card writes every state change to the file before the response that reflects it leaves, so a
 * killed server never gives back a spent try.
 */
public final class CardServer implements AutoCloseable {

    private final String personaId;
    private final VirtualCard card;
    private final ControlledCard controls;
    private final VpcdBridge bridge;
    private final CardStateFile stateFile;
    private final String readerName;

    /**
     * @param controls   the card wrapped in the simulator's controls (reader limits, faults, latency): the bridge serves it
     * @param readerName the PC/SC reader name pcscd gives the slot, for messages
     */
    public CardServer(String personaId, VirtualCard card, ControlledCard controls, CardStateFile stateFile,
            String host, int port, String readerName) {
        this.personaId = personaId;
        this.card = card;
        this.controls = controls;
        this.stateFile = stateFile;
        this.readerName = readerName;
        card.setStateSink(stateFile::save);
        stateFile.save(card.exportState());
        this.bridge = new VpcdBridge(controls.card(), host, port);
        // A fault that takes the card out must look like a removal to pcscd.
        controls.faults().onRemoval(bridge::remove);
    }

    public CardServer start() {
        bridge.start();
        return this;
    }

    public VpcdBridge bridge() {
        return bridge;
    }

    public VirtualCard card() {
        return card;
    }

    public ControlledCard controls() {
        return controls;
    }

    public String readerName() {
        return readerName;
    }

    public void remove() {
        bridge.remove();
    }

    public void insert() {
        bridge.insert();
    }

    public void reset() {
        card.reset();
    }

    /** A few lines for the {@code status} control command; PIN values never appear. */
    public List<String> status() {
        List<String> lines = new ArrayList<>();
        lines.add("persona " + personaId + " in " + readerName + " (" + bridge.host() + ":" + bridge.port() + ")");
        lines.add("card " + (bridge.isInserted() ? "inserted" : "removed")
                + ", vpcd " + (bridge.isConnected() ? "connected" : "not connected (waiting for pcscd)")
                + ", " + (card.isPowered() ? "powered" : "unpowered")
                + ", profile " + card.profile().name().toLowerCase(java.util.Locale.ROOT)
                + ", latency " + controls.latency().profile()
                + (controls.reader().isLimited() ? ", short APDUs only" : "")
                + (controls.faults().armed() != null ? ", armed fault " + controls.faults().armed() : "")
                + (controls.faults().isMute() ? ", mute" : "")
                + ", " + bridge.apduCount() + " APDUs");
        CardState state = CardState.decode(card.exportState());
        for (byte[] aid : card.applicationIds()) {
            Map<Integer, Integer> tries = state.triesLeft(aid);
            StringBuilder line = new StringBuilder("  AID " + HexFormat.of().withUpperCase().formatHex(aid) + ":");
            tries.forEach((fid, left) -> line.append(String.format(" PIN %04X %d%s", fid, left, left == 0 ? " (locked)" : "")));
            lines.add(line.toString());
        }
        lines.add("state file " + stateFile.path());
        return lines;
    }

    @Override
    public void close() {
        bridge.close();
    }
}
