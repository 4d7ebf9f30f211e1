package dev.mynasim.applet;

import javacard.framework.APDU;
import javacard.framework.ISO7816;
import javacard.framework.ISOException;
import javacard.framework.Util;
import javacard.security.RandomData;

/** GET CHALLENGE, the same at the master file and in every application (docs/card-reference.md §2.5). */
final class Challenges {
    private Challenges() {
    }

    private static final short MAX_CHALLENGE = (short) 256;

    /**
     * 00 84 00 00 Le: Le random bytes, 1..256 (Le 00 = 256). An extended Le is refused with 6985,
     * as on the card. scratch must hold 256 bytes and is wiped afterwards.
     */
    static void send(APDU apdu, RandomData random, byte[] scratch) {
        send(apdu, random, scratch, null);
    }

    /** The same, telling issuer (when not null) what was sent, for EXTERNAL AUTHENTICATE. */
    static void send(APDU apdu, RandomData random, byte[] scratch, IssuerAuthentication issuer) {
        byte[] buffer = apdu.getBuffer();
        if (Util.getShort(buffer, ISO7816.OFFSET_P1) != (short) 0) {
            ISOException.throwIt(ISO7816.SW_INCORRECT_P1P2);
        }
        // Receiving (nothing, for a case-2 command) first: the data offset tells short from extended.
        if (apdu.setIncomingAndReceive() != (short) 0) {
            ISOException.throwIt(ISO7816.SW_WRONG_LENGTH);
        }
        if (apdu.getOffsetCdata() == ISO7816.OFFSET_EXT_CDATA) {
            ISOException.throwIt(ISO7816.SW_CONDITIONS_NOT_SATISFIED);
        }
        short length = apdu.setOutgoing();
        if (length <= (short) 0 || length > MAX_CHALLENGE) {
            length = MAX_CHALLENGE;
        }
        random.generateData(scratch, (short) 0, length);
        apdu.setOutgoingLength(length);
        apdu.sendBytesLong(scratch, (short) 0, length);
        if (issuer != null) {
            issuer.challengeIssued(scratch, (short) 0, length);
        }
        Util.arrayFillNonAtomic(scratch, (short) 0, length, (byte) 0);
    }
}
