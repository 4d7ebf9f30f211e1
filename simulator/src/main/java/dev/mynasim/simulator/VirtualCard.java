package dev.mynasim.simulator;

import com.licel.jcardsim.base.Simulator;
import com.licel.jcardsim.base.SimulatorRuntime;
import dev.mynasim.applet.HostExport;
import dev.mynasim.applet.MynaApplication;
import dev.mynasim.simulator.issuer.ApplicationImage;
import dev.mynasim.simulator.issuer.KeyGeneratorSeeding;
import dev.mynasim.simulator.state.CardState;
import dev.mynasim.simulator.issuer.Personaliser;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import javacard.framework.AID;
import javacard.framework.Applet;

/**
 * A My Number Card in jCardSim: the MynaSim applets installed, personalised through the issuer
 * commands from {@link ApplicationImage}s, and locked. It fixes what jCardSim does differently from
 * a card (docs/card-choices.md, section "jCardSim"): a SELECT of an unknown AID answers 6A82 instead of reaching the selected
 * applet, commands before any SELECT get MF-level answers, and a Java exception never escapes.
 *
 * <p>Whenever a command changes the card's persistent state (a PIN counter, a changed PIN), the
 * state sink receives the new state <em>before</em> the response is returned, so a caller that
 * writes it to disk never gives back a spent try.
 */
public final class VirtualCard implements SimulatedCard {

    private static final Logger LOG = Logger.getLogger(VirtualCard.class.getName());
    /** One application's PINs, or its files and keys (exportContents): at most a short's range. */
    private static final int STATE_BUFFER = 32767;
    /** SET OPTION 06 (docs/personalisation.md): the card is a simulator's, not a physical Java Card. */
    private static final int VIRTUAL_CARD_OPTION = 0x06;

    private final SimulatorRuntime runtime = new SimulatorRuntime();
    private final Simulator simulator = new Simulator(runtime);
    private final List<Installed> applications = new ArrayList<>();
    private final byte[] stateBuffer = new byte[STATE_BUFFER];
    private CardProfile profile;
    private boolean powered;
    private Installed selected;
    /** The MF-level applet (GP ISD AID), selected implicitly after every reset; null on a card without one. */
    private Installed masterFile;
    private byte[] lastState = new byte[0];
    private Consumer<byte[]> stateSink = state -> { };

    private record Installed(ApplicationImage image, AID aid) {
    }

    /**
     * Installs and personalises one applet per image, then locks each one.
     *
     * @param images what the issuer writes, one per application
     */
    public VirtualCard(List<ApplicationImage> images, CardProfile profile) {
        JcardsimNoiseFilter.install();
        this.profile = profile;
        for (ApplicationImage image : images) {
            byte[] aidBytes = image.aid();
            AID aid = new AID(aidBytes, (short) 0, (byte) aidBytes.length);
            simulator.installApplet(aid, Applications.appletClass(aidBytes));
            Installed installed = new Installed(image, aid);
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
            KeyGeneratorSeeding.seed(runtime.lookupApplet(application.aid()).getApplet());
        }
        reset();
        lastState = exportState();
    }

    public synchronized void setProfile(CardProfile profile) {
        this.profile = profile;
    }

    public synchronized CardProfile profile() {
        return profile;
    }

    /** Receives the exported persistent state each time it changes (see {@link CardState}). */
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
        byte[] state = exportState();
        if (!Arrays.equals(state, lastState)) {
            stateSink.accept(state);
            lastState = state;
        }
        return response;
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
        int classError = ClassByte.check(command[0], command[1]);
        if (classError != 0) {
            return MasterFileResponder.sw(classError);
        }
        byte[] name = selectedName(command);
        if (name == null) {
            return MasterFileResponder.sw(0x6700);
        }
        for (Installed application : applications) {
            if (application.image().hasAid(name)) {
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

    /** The AIDs of the installed applications, in installation order. */
    public synchronized List<byte[]> applicationIds() {
        return applications.stream().map(application -> application.image().aid()).toList();
    }

    /**
     * The card's persistent mutable state, format 2 ({@link CardState}): {@code 00 02}, then for each
     * application {@code AID length, AID, length (2), PIN records, length (2), file and key records}
     * where the records are those of {@link HostExport#exportPins} and {@link HostExport#exportContents}.
     */
    public synchronized byte[] exportState() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(CardState.FORMAT_2_PREFIX);
        for (Installed application : applications) {
            Applet applet = runtime.lookupApplet(application.aid()).getApplet();
            if (!(applet instanceof MynaApplication myna)) {
                continue; // the MF level holds no PINs
            }
            int length = HostExport.exportPins(myna, stateBuffer, (short) 0);
            byte[] aid = application.image().aid();
            out.write(aid.length);
            out.writeBytes(aid);
            out.write(length >> 8);
            out.write(length);
            out.write(stateBuffer, 0, length);
            int contents = HostExport.exportContents(myna, stateBuffer, (short) 0);
            out.write(contents >> 8);
            out.write(contents);
            out.write(stateBuffer, 0, contents);
        }
        Arrays.fill(stateBuffer, (byte) 0);
        return out.toByteArray();
    }
}
