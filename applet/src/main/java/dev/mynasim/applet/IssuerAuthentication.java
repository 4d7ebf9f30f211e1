package dev.mynasim.applet;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.JCSystem;
import javacard.framework.Util;
import javacard.security.AESKey;
import javacard.security.CryptoException;
import javacard.security.KeyBuilder;
import javacard.security.Signature;

/**
 * The authenticated issuer channel of one application (docs/personalisation.md, "Issuer channel"):
 * the last GET CHALLENGE of at least 16 bytes leaves its first 16 bytes pending; EXTERNAL
 * AUTHENTICATE {@code 00 82 00 81 10 <AES-128 CMAC of those 16 bytes under the card's issuer key>}
 * consumes them and, if the MAC matches, opens the office commands until the security state is
 * cleared (reset, power off, selecting a DF). The issuer key is set once, at personalisation.
 */
final class IssuerAuthentication {
    static final short KEY_LENGTH = (short) 16;
    static final short CHALLENGE_LENGTH = (short) 16;
    static final short MAC_LENGTH = (short) 16;

    private static final short PENDING = (short) 0;
    private static final short AUTHENTICATED = (short) 1;
    private static final short CHALLENGE = (short) 2;

    private final AESKey key;
    /** Null on a platform without AES-CMAC: EXTERNAL AUTHENTICATE then always answers 6985. */
    private final Signature cmac;
    /** Transient: pending flag, authenticated flag, the pending challenge. */
    private final byte[] state;
    private boolean keySet;

    IssuerAuthentication() {
        key = (AESKey) KeyBuilder.buildKey(KeyBuilder.TYPE_AES, KeyBuilder.LENGTH_AES_128, false);
        Signature engine = null;
        try {
            engine = Signature.getInstance(Signature.ALG_AES_CMAC_128, false);
        } catch (CryptoException unsupported) {
            engine = null;
        }
        cmac = engine;
        state = JCSystem.makeTransientByteArray((short) (CHALLENGE + CHALLENGE_LENGTH), JCSystem.CLEAR_ON_DESELECT);
    }

    /** Issuer SET KEY 80 DB 10 00 10 key: personalisation only (the caller checks the life cycle). */
    void setKey(byte[] source, short offset) {
        key.setKey(source, offset);
        keySet = true;
    }

    boolean isKeySet() {
        return keySet;
    }

    /** Called after every GET CHALLENGE: a challenge of 16 bytes or more becomes the pending one, a shorter one cancels it. */
    void challengeIssued(byte[] challenge, short offset, short length) {
        if (length < CHALLENGE_LENGTH) {
            state[PENDING] = (byte) 0;
            return;
        }
        Util.arrayCopyNonAtomic(challenge, offset, state, CHALLENGE, CHALLENGE_LENGTH);
        state[PENDING] = (byte) 1;
    }

    /**
     * EXTERNAL AUTHENTICATE's check. The pending challenge is used up whatever the outcome, and a
     * failed attempt also ends an earlier authentication. 6985 without a pending challenge or key,
     * 6300 for a wrong MAC.
     */
    void authenticate(byte[] buffer, short offset, short length) {
        boolean pending = state[PENDING] != (byte) 0;
        state[PENDING] = (byte) 0;
        state[AUTHENTICATED] = (byte) 0;
        if (length != MAC_LENGTH) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        if (!pending || !keySet || cmac == null) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        cmac.init(key, Signature.MODE_VERIFY);
        boolean valid = cmac.verify(state, CHALLENGE, CHALLENGE_LENGTH, buffer, offset, MAC_LENGTH);
        Util.arrayFillNonAtomic(state, CHALLENGE, CHALLENGE_LENGTH, (byte) 0);
        if (!valid) {
            ISOException.throwIt(StatusWords.AUTHENTICATION_FAILED);
        }
        state[AUTHENTICATED] = (byte) 1;
    }

    boolean isAuthenticated() {
        return state[AUTHENTICATED] != (byte) 0;
    }

    /** Reset, power off or DF selection: the pending challenge and the authentication are gone. */
    void clear() {
        Util.arrayFillNonAtomic(state, (short) 0, (short) state.length, (byte) 0);
    }
}
