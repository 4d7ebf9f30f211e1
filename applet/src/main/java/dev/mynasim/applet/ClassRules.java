package dev.mynasim.applet;

import static dev.mynasim.applet.Instructions.INS_SELECT;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;

/**
 * The card's class-byte rule, in the order a card checks it: channel, secure messaging, chaining,
 * class. Every MynaSim applet (the applications and the master file) applies it first.
 */
final class ClassRules {
    private ClassRules() {
    }

    private static final byte CHANNEL_BITS = (byte) 0x03;
    private static final byte SECURE_MESSAGING_BITS = (byte) 0x0C;
    private static final byte CHAINING_BIT = (byte) 0x10;
    private static final byte RFU_BIT = (byte) 0x20;
    private static final byte FURTHER_INTERINDUSTRY_BIT = (byte) 0x40;
    private static final byte PROPRIETARY_BIT = (byte) 0x80;

    /** Throws the status word for a CLA the card refuses; returns for one it accepts. */
    static void check(byte cla, byte ins) {
        if (cla == (byte) 0xFF) {
            ISOException.throwIt(ISO7816.SW_CLA_NOT_SUPPORTED);
        }
        if ((cla & FURTHER_INTERINDUSTRY_BIT) != 0) {
            // 40-7F always encode a channel 4-19; C0-FE is no class this card knows.
            ISOException.throwIt((cla & PROPRIETARY_BIT) == 0
                ? StatusWords.LOGICAL_CHANNEL_NOT_SUPPORTED : ISO7816.SW_CLA_NOT_SUPPORTED);
        }
        if ((cla & CHANNEL_BITS) != 0) {
            ISOException.throwIt(StatusWords.LOGICAL_CHANNEL_NOT_SUPPORTED);
        }
        if ((cla & SECURE_MESSAGING_BITS) != 0) {
            ISOException.throwIt(ins == INS_SELECT
                ? StatusWords.SECURE_MESSAGING_NOT_SUPPORTED : StatusWords.SECURE_MESSAGING_NO_SESSION);
        }
        if ((cla & CHAINING_BIT) != 0) {
            ISOException.throwIt(StatusWords.CHAINING_NOT_SUPPORTED);
        }
        if ((cla & RFU_BIT) != 0) {
            ISOException.throwIt(ISO7816.SW_CLA_NOT_SUPPORTED);
        }
    }
}
