package dev.mynasim.simulator;

import com.licel.jcardsim.base.Simulator;
import com.licel.jcardsim.base.SimulatorRuntime;
import dev.mynasim.applet.ClassRules;
import dev.mynasim.applet.HostExport;
import dev.mynasim.applet.MasterFileApplet;
import dev.mynasim.applet.MynaApplication;
import dev.mynasim.simulator.issuer.ApplicationImage;
import dev.mynasim.simulator.issuer.KeyGeneratorSeeding;
import dev.mynasim.simulator.state.CardState;
import dev.mynasim.simulator.issuer.Personaliser;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.ToIntFunction;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javacard.framework.AID;

/**
 * A My Number Card in jCardSim: the MynaSim applets installed, personalised through the issuer
 * commands from {@link ApplicationImage}s, and locked. It fixes what jCardSim does differently from
 * a card (docs/card-choices.md, section "jCardSim"): a SELECT of an unknown AID answers 6A82 instead of reaching the selected
 * applet, commands before any SELECT get MF-level answers, and a Java exception never escapes.
 *
 * <p>Whenever a command changes the card's persistent state (a PIN counter, a changed PIN), the
 * state sink receives the new state <em>before</em> the response is returned, so a caller that
 * writes it to disk never gives back a spent try. Each application counts its own changes
 * ({@link HostExport#pinChangeCount}, {@link HostExport#contentChangeCount}), so only
 * the part whose counter moved is exported again; a command that changes nothing costs two reads.
 */
public final class VirtualCard implements SimulatedCard {

    private static final Logger LOG = Logger.getLogger(VirtualCard.class.getName());
    /** One application's PINs, or its files and keys (exportContents): at most a short's range. */
    private static final int STATE_BUFFER = 32767;
    /** SET OPTION 06 (docs/personalisation.md): the card is a simulator's, not a physical Java Card. */
    private static final int VIRTUAL_CARD_OPTION = 0x06;

    private final SimulatorRuntime runtime = new SimulatorRuntime();
    // No properties: jCardSim's public constructor scans the system properties for 100 preloaded applets,
    // formatting 200 property names per card (a visible share of issuing one, docs/performance.md).
    private final Simulator simulator = new Simulator(runtime, new Properties()) { };
    private final List<Installed> applications = new ArrayList<>();
    private final byte[] stateBuffer = new byte[STATE_BUFFER];
    private CardProfile profile;
    private boolean powered;
    private Installed selected;
    /** The MF-level applet (GP ISD AID), selected implicitly after every reset; null on a card without one. */
    private Installed masterFile;
    /** What each application last exported, refreshed only when its change counters move. */
    private final List<Exported> exported = new ArrayList<>();
    private Consumer<byte[]> stateSink;

    /** An installed application: its AID only (the image it was personalised from is not kept: heap per card). */
    private static final class Installed {
        private final byte[] aidBytes;
        private final AID aid;

        Installed(byte[] aidBytes, AID aid) {
            this.aidBytes = aidBytes.clone();
            this.aid = aid;
        }

        AID aid() {
            return aid;
        }

        byte[] aidBytes() {
            return aidBytes.clone();
        }

        boolean hasAid(byte[] name) {
            return Arrays.equals(aidBytes, name);
        }
    }

    /** One application's last exported PIN and content records, and the counters they were exported at. */
    private static final class Exported {
        final byte[] aid;
        final MynaApplication applet;
        final Tracked pins = new Tracked();
        final Tracked contents = new Tracked();

        Exported(byte[] aid, MynaApplication applet) {
            this.aid = aid;
            this.applet = applet;
        }
    }

    /** One exported part of an application (its PINs, or its files and keys): the bytes, and the change count they were exported at. */
    private static final class Tracked {
        short changes;
        byte[] bytes;
        /** How many bytes of the buffer the last refresh wrote (0 when it exported nothing). */
        int written;

        /**
         * Exports again through the buffer when the counter moved (or when all); true when the bytes differ from
         * before (a counter also moves for a change that ends where it began).
         */
        boolean refresh(boolean all, short counter, ToIntFunction<byte[]> exportInto, byte[] buffer) {
            written = 0;
            if (!all && counter == changes) {
                return false;
            }
            changes = counter;
            written = exportInto.applyAsInt(buffer);
            byte[] now = Arrays.copyOf(buffer, written);
            boolean differs = !Arrays.equals(bytes, now);
            bytes = now;
            return differs;
        }
    }

    /**
     * Installs and personalises one applet per image, then locks each one.
     *
     * @param images what the issuer writes, one per application
     */
    public VirtualCard(List<ApplicationImage> images, CardProfile profile) {
        this(images, profile, KeyGeneratorSeeding.fresh());
    }

    /**
     * As {@link #VirtualCard(List, CardProfile)}, with the on-card key generators seeded by seeding
     * ({@link KeyGeneratorSeeding#reproducible} replays a known sequence of generated pairs).
     */
    public VirtualCard(List<ApplicationImage> images, CardProfile profile, KeyGeneratorSeeding seeding) {
        JcardsimNoiseFilter.install();
        this.profile = profile;
        for (ApplicationImage image : images) {
            byte[] aidBytes = image.aid();
            AID aid = new AID(aidBytes, (short) 0, (byte) aidBytes.length);
            simulator.installApplet(aid, Applications.appletClass(aidBytes));
            Installed installed = new Installed(aidBytes, aid);
            applications.add(installed);
            if (image.hasAid(Applications.ISD_AID)) {
                masterFile = installed;
            }
        }
        powerOn();
        Personaliser personaliser = new Personaliser(this::transmitUnpersisted);
        for (ApplicationImage image : images) {
            // Only a card issued here says "virtual" to the identification marker (80 CA 4D 53),
            // which the applications answer; the MF level has no options.
            if (!image.hasAid(Applications.ISD_AID)) {
                image.option(VIRTUAL_CARD_OPTION, new byte[] {1});
            }
            personaliser.personalise(image, true);
        }
        for (Installed application : applications) {
            seeding.seed(runtime.lookupApplet(application.aid()).getApplet());
        }
        presentContactAtr(profile);
        reset();
        for (Installed application : applications) {
            if (runtime.lookupApplet(application.aid()).getApplet() instanceof MynaApplication myna) {
                exported.add(new Exported(application.aidBytes(), myna)); // the MF level holds no PINs
            }
        }
        refreshExports(true);
    }

    public synchronized void setProfile(CardProfile profile) {
        this.profile = profile;
        presentContactAtr(profile);
    }

    /**
     * GET DATA 5F51 answers the contact ATR the card presents: a contact profile's ATR replaces the
     * MF's object (through the applet's host hook). A contactless profile leaves it: the chip keeps
     * the contact ATR it had, which a contactless reader cannot see.
     */
    private void presentContactAtr(CardProfile presented) {
        if (masterFile == null || !presented.isContact()) {
            return;
        }
        byte[] atr = presented.atr();
        if (runtime.lookupApplet(masterFile.aid()).getApplet() instanceof MasterFileApplet mf
                && !mf.replaceContactAtrForHost(atr, (short) 1, (short) (atr.length - 1))) {
            throw new IllegalStateException("the MF's contact ATR object cannot hold the " + presented.label() + " ATR");
        }
    }

    public synchronized CardProfile profile() {
        return profile;
    }

    /** Receives the exported persistent state each time it changes (see {@link CardState}); null for none. */
    public synchronized void setStateSink(Consumer<byte[]> sink) {
        this.stateSink = sink;
    }

    @Override
    public synchronized byte[] atr() {
        return profile.atr();
    }

    @Override
    public synchronized void powerOn() {
        if (!powered) {
            simulator.reset();
            selectMasterFile();
            powered = true;
        }
    }

    @Override
    public synchronized void powerOff() {
        if (powered) {
            simulator.reset();
            selected = null;
            powered = false;
        }
    }

    @Override
    public synchronized void reset() {
        simulator.reset();
        selectMasterFile();
        powered = true;
    }

    /**
     * The power-on state: the MF level answers (docs/card-reference.md §2.5). A real card's OS has no applet
     * selected here; MynaSim's MF is an applet, so it is selected as a default applet would be.
     */
    private void selectMasterFile() {
        selected = null;
        if (masterFile != null && simulator.selectApplet(masterFile.aid())) {
            selected = masterFile;
        }
    }

    @Override
    public synchronized boolean isPowered() {
        return powered;
    }

    @Override
    public synchronized byte[] transmit(byte[] command) {
        byte[] response = transmitUnpersisted(command);
        if (refreshExports(false) && stateSink != null) {
            stateSink.accept(assembleState());
        }
        return response;
    }

    /**
     * Exports again each part whose change counter moved (every part when all is true); true when an
     * exported part differs from before (a counter also moves for a change that ends where it began,
     * such as a try spent and given back by a correct PIN).
     */
    private boolean refreshExports(boolean all) {
        boolean changed = false;
        int used = 0;
        for (Exported part : exported) {
            changed |= part.pins.refresh(all, HostExport.pinChangeCount(part.applet),
                    buffer -> HostExport.exportPins(part.applet, buffer, (short) 0), stateBuffer);
            changed |= part.contents.refresh(all, HostExport.contentChangeCount(part.applet),
                    buffer -> HostExport.exportContents(part.applet, buffer, (short) 0), stateBuffer);
            used = Math.max(used, Math.max(part.pins.written, part.contents.written));
        }
        // PIN values passed through the buffer: wipe what was written, not the whole 32 KB every command.
        Arrays.fill(stateBuffer, 0, used, (byte) 0);
        return changed;
    }

    private byte[] transmitUnpersisted(byte[] command) {
        powerOn();
        if (command == null || !ApduShape.isWellFormed(command) || !ApduShape.fitsSimulator(command)) {
            return MasterFileResponder.sw(0x6700);
        }
        try {
            if (isSelectByName(command)) {
                return selectApplication(command);
            }
            if (selected == null) {
                return MasterFileResponder.respond(command);
            }
            return simulator.transmitCommand(command);
        } catch (RuntimeException e) {
            // A card never throws: this is a MynaSim bug, so say so loudly, but answer like a card.
            LOG.log(Level.SEVERE, "unexpected exception in the simulated card (command INS "
                    + String.format("%02X", command[1] & 0xFF) + ")", e);
            return MasterFileResponder.sw(0x6F00);
        }
    }

    private static boolean isSelectByName(byte[] command) {
        return (command[1] & 0xFF) == 0xA4 && (command[2] & 0xFF) == 0x04;
    }

    private byte[] selectApplication(byte[] command) {
        int classError = ClassRules.statusFor(command[0], command[1]) & 0xFFFF;
        if (classError != 0x9000) {
            return MasterFileResponder.sw(classError);
        }
        byte[] name = selectedName(command);
        if (name == null) {
            return MasterFileResponder.sw(0x6700);
        }
        for (Installed application : applications) {
            if (application.hasAid(name)) {
                byte[] response = simulator.transmitCommand(command);
                int sw = StatusWord.of(response);
                selected = sw == 0x9000 ? application : null;
                return response;
            }
        }
        // An unknown DF name is not found; the current application stays selected (ISO 7816-4 §11.2.2).
        return MasterFileResponder.sw(0x6A82);
    }

    /** The DF name of a SELECT by name, short or extended Lc; null when the lengths do not add up. */
    static byte[] selectedName(byte[] command) {
        if (command.length < 6) {
            return null;
        }
        int lc = command[4] & 0xFF;
        int offset = 5;
        if (lc == 0) {
            if (command.length < 8) {
                return null;
            }
            lc = ((command[5] & 0xFF) << 8) | (command[6] & 0xFF);
            offset = 7;
        }
        if (lc < 1 || lc > 16 || command.length < offset + lc) {
            return null;
        }
        return Arrays.copyOfRange(command, offset, offset + lc);
    }

    /**
     * Generated key pairs the applications' consistency test rejected (and made again) since issue:
     * what jCardSim's key generator got wrong (docs/on-card-keys.md).
     */
    public synchronized int rejectedKeyPairs() {
        int rejected = 0;
        for (Installed application : applications) {
            if (runtime.lookupApplet(application.aid()).getApplet() instanceof MynaApplication myna) {
                rejected += HostExport.rejectedKeyPairs(myna);
            }
        }
        return rejected;
    }

    /** The AIDs of the installed applications, in installation order. */
    public synchronized List<byte[]> applicationIds() {
        return applications.stream().map(Installed::aidBytes).toList();
    }

    /**
     * The card's persistent mutable state, format 2 ({@link CardState}): {@code 00 02}, then for each
     * application {@code AID length, AID, length (2), PIN records, length (2), file and key records}
     * where the records are those of {@link HostExport#exportPins} and {@link HostExport#exportContents}.
     */
    public synchronized byte[] exportState() {
        // Read afresh from the applets, not from what the change counters kept: a test that compares the
        // two catches a write path that forgot its counter.
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(CardState.format2Prefix());
        for (Exported part : exported) {
            out.write(part.aid.length);
            out.writeBytes(part.aid);
            writeWithLength(out, Arrays.copyOf(stateBuffer, HostExport.exportPins(part.applet, stateBuffer, (short) 0)));
            writeWithLength(out, Arrays.copyOf(stateBuffer, HostExport.exportContents(part.applet, stateBuffer, (short) 0)));
        }
        Arrays.fill(stateBuffer, (byte) 0);
        return out.toByteArray();
    }

    /** The state as the change counters have kept it, what the sink receives. */
    private byte[] assembleState() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(CardState.format2Prefix());
        for (Exported part : exported) {
            out.write(part.aid.length);
            out.writeBytes(part.aid);
            writeWithLength(out, part.pins.bytes);
            writeWithLength(out, part.contents.bytes);
        }
        return out.toByteArray();
    }

    private static void writeWithLength(ByteArrayOutputStream out, byte[] records) {
        out.write(records.length >> 8);
        out.write(records.length);
        out.writeBytes(records);
    }
}
