package dev.mynasim.applet;

import javacard.framework.JCSystem;
import javacard.framework.Util;

/**
 * Everything that must vanish on reset, power off or DF selection, in RAM
 * (CLEAR_ON_DESELECT), apart from the persistent objects. Allocated once, in the constructor.
 */
final class SessionState {
    /** Current EF: 0 = none, else kind in the high nibble and table index in the low nibble. */
    private static final byte CURRENT_EF = (byte) 0;
    private static final byte VERIFIED_BASE = (byte) 1;

    static final byte KIND_DATA = (byte) 0x10;
    static final byte KIND_PIN = (byte) 0x20;
    static final byte KIND_KEY = (byte) 0x30;
    static final byte KIND_MASK = (byte) 0xF0;
    static final byte INDEX_MASK = (byte) 0x0F;

    /** Room for a 256-byte RSA result plus a 51-byte DigestInfo being built. */
    static final short SCRATCH_LENGTH = (short) 320;

    private final byte[] flags;
    /** Work area for PIN candidates and signatures; never holds anything between commands. */
    final byte[] scratch;

    SessionState(byte pinCount) {
        flags = JCSystem.makeTransientByteArray((short) (VERIFIED_BASE + pinCount), JCSystem.CLEAR_ON_DESELECT);
        scratch = JCSystem.makeTransientByteArray(SCRATCH_LENGTH, JCSystem.CLEAR_ON_DESELECT);
    }

    /** Selecting a DF (even the same one again) clears the security state and the current EF. */
    void clear() {
        Util.arrayFillNonAtomic(flags, (short) 0, (short) flags.length, (byte) 0);
    }

    byte currentEf() {
        return flags[CURRENT_EF];
    }

    void setCurrentEf(byte kind, byte index) {
        flags[CURRENT_EF] = (byte) (kind | index);
    }

    boolean isVerified(byte pinSlot) {
        return flags[(short) (VERIFIED_BASE + pinSlot)] != (byte) 0;
    }

    void setVerified(byte pinSlot, boolean verified) {
        flags[(short) (VERIFIED_BASE + pinSlot)] = verified ? (byte) 1 : (byte) 0;
    }
}
