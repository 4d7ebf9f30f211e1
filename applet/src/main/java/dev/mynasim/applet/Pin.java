package dev.mynasim.applet;

import javacard.framework.Util;

/**
 * A PIN IEF: persistent reference value, try limit and try counter. The "verified in this
 * session" flag is not here: it lives in the owner's transient session state, so that a
 * reset or a DF selection clears it without writing EEPROM.
 *
 * Not OwnerPIN: the simulator must export values (host-side hook), and jCardSim's OwnerPIN
 * spends a try on a wrong-length candidate, which the real card does not.
 */
final class Pin {
    final short fid;
    final byte format;
    final byte defaultLimit;
    /** Index of this PIN's verified flag in the session state. */
    final byte slot;

    private final byte[] value;
    private byte length;
    private byte limit;
    private byte triesLeft;
    private boolean set;

    Pin(short fid, byte format, byte defaultLimit, byte slot) {
        this.fid = fid;
        this.format = format;
        this.defaultLimit = defaultLimit;
        this.slot = slot;
        this.value = new byte[PinFormat.MAX_LENGTH];
        this.limit = defaultLimit;
        this.triesLeft = defaultLimit;
    }

    boolean isSet() {
        return set;
    }

    boolean isBlocked() {
        return triesLeft == (byte) 0;
    }

    byte triesLeft() {
        return triesLeft;
    }

    byte limit() {
        return limit;
    }

    /** Issuer SET PIN. The caller has checked the format and the counter values and wraps this in a transaction. */
    void personalise(byte newLimit, byte newTriesLeft, byte[] source, short offset, short newLength) {
        replaceValue(source, offset, newLength);
        limit = newLimit;
        triesLeft = newTriesLeft;
        set = true;
    }

    /** CHANGE REFERENCE DATA: new value, counter untouched (it is at its limit after the VERIFY that allowed this). */
    void replaceValue(byte[] source, short offset, short newLength) {
        Util.arrayFillNonAtomic(value, (short) 0, PinFormat.MAX_LENGTH, (byte) 0);
        Util.arrayCopy(source, offset, value, (short) 0, newLength);
        length = (byte) newLength;
    }

    /** RESET RETRY COUNTER: the counter back to its limit (the caller wraps this in a transaction). */
    void unblock() {
        triesLeft = limit;
    }

    /**
     * Spends one try, then compares; a match gives the try back and resets the counter to its
     * limit. The try is written first so that pulling the card mid-compare cannot give a free guess.
     */
    boolean check(byte[] candidate, short offset, short candidateLength) {
        triesLeft = (byte) (triesLeft - 1);
        byte difference = (byte) (length ^ (byte) candidateLength);
        // Same work whatever the mismatch position: no timing hint about the value.
        for (short i = 0; i < PinFormat.MAX_LENGTH; i++) {
            byte c = i < candidateLength ? candidate[(short) (offset + i)] : (byte) 0;
            difference |= (byte) (value[i] ^ c);
        }
        if (difference != (byte) 0) {
            return false;
        }
        triesLeft = limit;
        return true;
    }

    /** Host-side hook record: FID(2) maxTries(1) triesLeft(1) length(1) value(length). */
    short export(byte[] out, short offset) {
        offset = Util.setShort(out, offset, fid);
        out[offset++] = limit;
        out[offset++] = triesLeft;
        out[offset++] = length;
        return Util.arrayCopyNonAtomic(value, (short) 0, out, offset, (short) length);
    }
}
