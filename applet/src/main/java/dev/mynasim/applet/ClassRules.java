package dev.mynasim.applet;

import static dev.mynasim.applet.Instructions.INS_SELECT;

import javacard.framework.ISO7816;
import javacard.framework.ISOException;

/**
 * The card's class-byte rule, in the order a card checks it: a class the card does not know at all,
 * then channel, secure messaging, chaining. Every MynaSim applet (the applications and the master
 * file) applies it first, and the simulator asks it ({@link #statusFor}) for the commands it routes
 * itself (SELECT by AID): one rule for every command.
 *
 * <p>Classes: 00-1F first interindustry (channel b1-b2, SM b3-b4, chaining b5); 40-7F further
 * interindustry, always a channel 4-19 (6881); 80-9F proprietary with the same coding (the card's
 * 80 2A etc.). 20-3F are RFU in ISO 7816-4 and A0-BF, C0-FF are no class this card knows: 6E00 for
 * each, before any of their bits is read as a channel, SM or chaining (docs/card-choices.md).
 */
public final class ClassRules {
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
        short status = statusFor(cla, ins);
        if (status != ISO7816.SW_NO_ERROR) {
            ISOException.throwIt(status);
        }
    }

    /** 9000 for a CLA the card accepts with this INS, else the status word it answers. */
    public static short statusFor(byte cla, byte ins) {
        boolean furtherInterindustry = (cla & FURTHER_INTERINDUSTRY_BIT) != 0;
        boolean proprietary = (cla & PROPRIETARY_BIT) != 0;
        if (proprietary && furtherInterindustry) {
            return ISO7816.SW_CLA_NOT_SUPPORTED; // C0-FF
        }
        if (furtherInterindustry) {
            return StatusWords.LOGICAL_CHANNEL_NOT_SUPPORTED; // 40-7F: channels 4-19
        }
        if ((cla & RFU_BIT) != 0) {
            return ISO7816.SW_CLA_NOT_SUPPORTED; // 20-3F, A0-BF
        }
        if ((cla & CHANNEL_BITS) != 0) {
            return StatusWords.LOGICAL_CHANNEL_NOT_SUPPORTED;
        }
        if ((cla & SECURE_MESSAGING_BITS) != 0) {
            return ins == INS_SELECT
                ? StatusWords.SECURE_MESSAGING_NOT_SUPPORTED : StatusWords.SECURE_MESSAGING_NO_SESSION;
        }
        if ((cla & CHAINING_BIT) != 0) {
            return StatusWords.CHAINING_NOT_SUPPORTED;
        }
        return ISO7816.SW_NO_ERROR;
    }
}
