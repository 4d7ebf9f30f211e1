package dev.mynasim.applet;

/**
 * A data EF. Its content exists only after the issuer's CREATE EF. A record EF holds its records
 * one after the other as simple TLVs (JICSAP 4.4.1: tag, length, value), read with READ RECORD.
 */
final class DataFile {
    /** Access rule value meaning "anyone may read". */
    static final byte FREE = (byte) 0;
    /** Access rule value meaning "no credential opens it" (JPKI 0009): the bit of a PIN slot that never exists. */
    static final byte NEVER = (byte) 0x80;

    final short fid;
    /**
     * The PINs of which any one, verified in this session, opens the file: a bit per PIN slot
     * (MynaApplication.pinBit), or FREE. The text AP's My Number file opens with its PIN or
     * 照合番号A, so one PIN per file is not enough.
     */
    final byte readAccess;
    final boolean recordStructured;
    /**
     * Null until CREATE EF; then the file body, allocated once with the EF's capacity (a Java Card
     * cannot free memory, so a file that may grow is created with room to spare).
     */
    byte[] content;
    /** The file's current size: what READ BINARY sees (0..capacity). Set by CREATE EF and SET EF LENGTH. */
    short length;

    DataFile(short fid, byte readAccess, boolean recordStructured) {
        this.fid = fid;
        this.readAccess = readAccess;
        this.recordStructured = recordStructured;
    }

    boolean exists() {
        return content != null;
    }

    /**
     * Created and not empty. An EF created empty is room the issuer reserved (the signature
     * certificate EF of a holder under 15): it answers SELECT as a missing file until the office
     * gives it a length (SET EF LENGTH), and LOCK does not ask for its key.
     */
    boolean hasContent() {
        return content != null && length != (short) 0;
    }
}
