package dev.mynasim.simulator;

/**
 * Whether a command APDU's length fields add up (ISO/IEC 7816-3 §12.1.3): case 1 (header only),
 * 2S/3S/4S with a one-byte Lc/Le, 2E/3E/4E with 00 and two-byte fields. jCardSim throws on the rest
 * (found by fuzzing: it answered 6F00); a card answers 6700 (wrong length) before any applet sees it.
 */
public final class ApduShape {

    /** jCardSim's short APDU buffer (javacard.framework.APDU): 260 bytes, and it copies the Le byte in too. */
    static final int JCARDSIM_SHORT_BUFFER = 260;

    private ApduShape() {
    }

    public static boolean isWellFormed(byte[] command) {
        int length = command.length;
        if (length == 4 || length == 5) {
            return true; // case 1, case 2S
        }
        if (length < 4) {
            return false;
        }
        int b4 = command[4] & 0xFF;
        if (b4 != 0) {
            return length == 5 + b4 || length == 6 + b4; // case 3S, 4S
        }
        if (length == 7) {
            return true; // case 2E
        }
        if (length < 7) {
            return false;
        }
        int lc = ((command[5] & 0xFF) << 8) | (command[6] & 0xFF);
        return lc != 0 && (length == 7 + lc || length == 9 + lc); // case 3E, 4E
    }

    /**
     * Whether jCardSim can take the command: a short case 4 with Lc 255 is 261 bytes with its Le, one
     * more than jCardSim's buffer (it answered 6F00, found by fuzzing). The card answers 6700 to it;
     * the same command in extended form passes.
     */
    public static boolean fitsSimulator(byte[] command) {
        if (command.length <= JCARDSIM_SHORT_BUFFER) {
            return true;
        }
        if (command.length < 7 || command[4] != 0) {
            return false;
        }
        // jCardSim reads the extended Lc as a signed short and throws "Invalid extended C-APDU" above
        // 32,767 (6F00, found by issue 14). A card answers 6700 to a command longer than its buffer.
        int lc = ((command[5] & 0xFF) << 8) | (command[6] & 0xFF);
        return lc <= MAX_EXTENDED_LC;
    }

    /**
     * The longest command data the virtual card takes (extended Lc); longer commands get 6700, as a real
     * card answers a command beyond its buffer (docs/card-choices.md). The card's own commands need at
     * most a few kilobytes (a certificate in UPDATE BINARY).
     */
    public static final int MAX_EXTENDED_LC = 32_767;
}
