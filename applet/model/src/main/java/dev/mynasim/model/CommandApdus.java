package dev.mynasim.model;

/**
 * Command APDUs as bytes (ISO/IEC 7816-4 cases 1–4, short or extended), and the holder-side commands
 * the host sends to select and read. The issuer's commands are {@link IssuerApdus}.
 */
public final class CommandApdus {

    private static final int SHORT_MAX_DATA = 255;
    private static final int SHORT_MAX_NE = 256;
    private static final int EXTENDED_MAX_NE = 65536;
    private static final int SELECT_BY_DF_NAME = 0x04;
    private static final int SELECT_EF_UNDER_DF = 0x02;
    private static final int NO_RESPONSE_DATA = 0x0C;

    private CommandApdus() {
    }

    /**
     * The command with its data (null or empty: none) and Ne, the number of response bytes expected
     * (0: no Le field; 256 is a short Le of 00, 65536 an extended Le of 00 00). Extended length is used
     * only when the data or Ne needs it.
     */
    public static byte[] of(int cla, int ins, int p1, int p2, byte[] data, int ne) {
        int nc = data == null ? 0 : data.length;
        if (nc > 65535 || ne < 0 || ne > EXTENDED_MAX_NE) {
            throw new IllegalArgumentException("Nc " + nc + " or Ne " + ne + " out of range");
        }
        boolean extended = nc > SHORT_MAX_DATA || ne > SHORT_MAX_NE;
        int length = 4 + (nc > 0 ? (extended ? 3 : 1) + nc : 0) + (ne > 0 ? (extended ? (nc > 0 ? 2 : 3) : 1) : 0);
        byte[] out = new byte[length];
        out[0] = (byte) cla;
        out[1] = (byte) ins;
        out[2] = (byte) p1;
        out[3] = (byte) p2;
        int at = 4;
        if (nc > 0) {
            if (extended) {
                out[at++] = 0;
                out[at++] = (byte) (nc >> 8);
            }
            out[at++] = (byte) nc;
            System.arraycopy(data, 0, out, at, nc);
            at += nc;
        }
        if (ne > 0) {
            if (extended) {
                if (nc == 0) {
                    out[at++] = 0;
                }
                out[at++] = (byte) (ne >> 8);
                out[at] = (byte) ne;
            } else {
                out[at] = (byte) ne;
            }
        }
        return out;
    }

    /** The command of an instruction of the model. */
    public static byte[] of(Instruction instruction, int p1, int p2, byte[] data, int ne) {
        return of(instruction.cla(), instruction.ins(), p1, p2, data, ne);
    }

    /** SELECT the application by its AID, no response data ({@code 00 A4 04 0C}). */
    public static byte[] selectApplication(byte[] aid) {
        return of(Instruction.SELECT, SELECT_BY_DF_NAME, NO_RESPONSE_DATA, aid, 0);
    }

    /** SELECT an EF of the current application by FID ({@code 00 A4 02 0C 02 FID}). */
    public static byte[] selectFile(int fid) {
        return of(Instruction.SELECT, SELECT_EF_UNDER_DF, NO_RESPONSE_DATA, twoBytes(fid), 0);
    }

    /** GET CHALLENGE of {@code length} bytes. */
    public static byte[] getChallenge(int length) {
        return of(Instruction.GET_CHALLENGE, 0x00, 0x00, null, length);
    }

    static byte[] twoBytes(int value) {
        return new byte[] {(byte) (value >> 8), (byte) value};
    }
}
