package dev.mynasim.applet;

import javacard.framework.ISO7816;
import javacard.framework.Util;

/**
 * The behaviour options of docs/personalisation.md, persistent. Each is a choice where
 * docs/card-reference.md says UNCONFIRMED; docs/card-choices.md explains the defaults.
 */
final class Options {
    static final byte READ_OFFSET_BEYOND_SW = (byte) 0x01;
    static final byte READ_PAST_END = (byte) 0x02;
    static final byte EMPTY_VERIFY_AFTER_VERIFY = (byte) 0x03;
    static final byte MALFORMED_PIN_SW = (byte) 0x04;
    static final byte SIGN_SINGLE_USE = (byte) 0x05;
    /** Set only by the simulator's issuance: the identification marker then says "virtual card". */
    static final byte VIRTUAL_CARD = (byte) 0x06;

    private final byte[] values;
    private static final short OFFSET_READ_BEYOND_SW = (short) 0;
    private static final short OFFSET_READ_PAST_END = (short) 2;
    private static final short OFFSET_EMPTY_VERIFY = (short) 3;
    private static final short OFFSET_MALFORMED_PIN_SW = (short) 4;
    private static final short OFFSET_SIGN_SINGLE_USE = (short) 6;
    private static final short OFFSET_VIRTUAL_CARD = (short) 7;

    Options() {
        values = new byte[8];
        Util.setShort(values, OFFSET_READ_BEYOND_SW, ISO7816.SW_WRONG_P1P2);
        Util.setShort(values, OFFSET_MALFORMED_PIN_SW, ISO7816.SW_WRONG_DATA);
    }

    short readOffsetBeyondSw() {
        return Util.getShort(values, OFFSET_READ_BEYOND_SW);
    }

    boolean warnOnReadPastEnd() {
        return values[OFFSET_READ_PAST_END] == (byte) 1;
    }

    boolean emptyVerifyAfterVerifyIsOk() {
        return values[OFFSET_EMPTY_VERIFY] == (byte) 1;
    }

    short malformedPinSw() {
        return Util.getShort(values, OFFSET_MALFORMED_PIN_SW);
    }

    boolean signSingleUse() {
        return values[OFFSET_SIGN_SINGLE_USE] == (byte) 1;
    }

    boolean isVirtualCard() {
        return values[OFFSET_VIRTUAL_CARD] == (byte) 1;
    }

    /**
     * SET OPTION. Returns the status word: 9000, 6A86 unknown option, 6700 wrong length,
     * 6A80 a one-byte flag other than 00/01.
     */
    short set(byte option, byte[] source, short offset, short length) {
        short target;
        short expected;
        switch (option) {
            case READ_OFFSET_BEYOND_SW: target = OFFSET_READ_BEYOND_SW; expected = 2; break;
            case READ_PAST_END: target = OFFSET_READ_PAST_END; expected = 1; break;
            case EMPTY_VERIFY_AFTER_VERIFY: target = OFFSET_EMPTY_VERIFY; expected = 1; break;
            case MALFORMED_PIN_SW: target = OFFSET_MALFORMED_PIN_SW; expected = 2; break;
            case SIGN_SINGLE_USE: target = OFFSET_SIGN_SINGLE_USE; expected = 1; break;
            case VIRTUAL_CARD: target = OFFSET_VIRTUAL_CARD; expected = 1; break;
            default: return ISO7816.SW_INCORRECT_P1P2;
        }
        if (length != expected) {
            return ISO7816.SW_WRONG_LENGTH;
        }
        if (expected == (short) 1 && source[offset] != (byte) 0 && source[offset] != (byte) 1) {
            return ISO7816.SW_WRONG_DATA;
        }
        Util.arrayCopy(source, offset, values, target, length);
        return ISO7816.SW_NO_ERROR;
    }
}
