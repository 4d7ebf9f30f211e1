package dev.mynasim.applet;

/** A transparent data EF. Its content exists only after the issuer's CREATE EF. */
final class DataFile {
    /** Access rule value meaning "anyone may read". */
    static final short FREE = (short) 0;

    final short fid;
    /** FID of the PIN that must be verified in this session before READ, or FREE. */
    final short readPinFid;
    /** Null until CREATE EF; then the file body, allocated once. */
    byte[] content;

    DataFile(short fid, short readPinFid) {
        this.fid = fid;
        this.readPinFid = readPinFid;
    }

    boolean exists() {
        return content != null;
    }
}
