package dev.mynasim.applet;

import javacard.framework.Util;
import javacard.security.KeyPair;
import javacard.security.RSAPrivateCrtKey;

/**
 * What the simulator reads out of an application to persist a card or to seed jCardSim: host-side
 * hooks, never reachable by APDU (a physical card has no use for them). Kept out of the applet class
 * so an applet exposes no public method beyond the JCRE's.
 */
public final class HostExport {

    private HostExport() {
    }

    /**
     * Writes, for each PIN in FID order, FID(2) maxTries(1) triesLeft(1) length(1) value(length)
     * into out from offset, and returns the end offset. Lets the simulator persist PIN values.
     */
    public static short exportPins(MynaApplication application, byte[] out, short offset) {
        FileTable files = application.files;
        short previousFid = (short) -1;
        for (byte written = 0; written < files.pinCount; written++) {
            Pin next = null;
            for (byte i = 0; i < files.pinCount; i++) {
                Pin candidate = files.pins[i];
                if (candidate.fid > previousFid && (next == null || candidate.fid < next.fid)) {
                    next = candidate;
                }
            }
            offset = next.export(out, offset);
            previousFid = next.fid;
        }
        return offset;
    }

    /** Record tags of exportContents. */
    private static final byte EXPORT_FILE = (byte) 'F';
    private static final byte EXPORT_KEY = (byte) 'K';

    /**
     * Writes what the office commands can change besides PINs, in file-table order: for each created
     * data EF {@code 'F' FID(2) capacity(2) length(2) content(length)}, then for each loaded RSA key
     * {@code 'K' FID(2)} and its five CRT components P, Q, DP, DQ, PQ each as {@code length(1)
     * value}. Returns the end offset. Like exportPins: the simulator persists a card
     * whose files and keys the office rewrote; nothing reaches it by APDU.
     */
    public static short exportContents(MynaApplication application, byte[] out, short offset) {
        FileTable files = application.files;
        for (byte i = 0; i < files.dataFileCount; i++) {
            DataFile file = files.dataFiles[i];
            if (!file.exists()) {
                continue;
            }
            out[offset++] = EXPORT_FILE;
            offset = Util.setShort(out, offset, file.fid);
            offset = Util.setShort(out, offset, (short) file.content.length);
            offset = Util.setShort(out, offset, file.length);
            offset = Util.arrayCopyNonAtomic(file.content, (short) 0, out, offset, file.length);
        }
        for (byte i = 0; i < files.keyFileCount; i++) {
            KeyFile keyFile = files.keyFiles[i];
            if (!keyFile.isLoaded()) {
                continue;
            }
            out[offset++] = EXPORT_KEY;
            offset = Util.setShort(out, offset, keyFile.fid);
            RSAPrivateCrtKey key = keyFile.key;
            for (byte component = 1; component <= 5; component++) {
                short lengthAt = offset;
                offset++;
                short written;
                switch (component) {
                    case 1: written = key.getP(out, offset); break;
                    case 2: written = key.getQ(out, offset); break;
                    case 3: written = key.getDP1(out, offset); break;
                    case 4: written = key.getDQ1(out, offset); break;
                    default: written = key.getPQ(out, offset);
                }
                out[lengthAt] = (byte) written;
                offset += written;
            }
        }
        return offset;
    }

    /**
     * The on-card key generator of key slot index (0..), or null: lets the simulator seed jCardSim's
     * generator, which starts from the same state in every card (a physical card uses its own
     * hardware generator and needs nothing). Nothing reaches it by APDU.
     */
    public static KeyPair keyGenerator(MynaApplication application, byte index) {
        FileTable files = application.files;
        if (index < (byte) 0 || index >= files.keyFileCount) {
            return null;
        }
        return files.keyFiles[index].generator;
    }
}
