package dev.mynasim.applet;

/** PIN formats the card knows, and the check every VERIFY/CHANGE/SET does before touching a counter. */
final class PinFormat {
    private PinFormat() {
    }

    /** Exactly four digits 0-9 (auth PIN, text-AP PIN, 住基 PIN). */
    static final byte FOUR_DIGITS = (byte) 1;
    /** 6 to 16 characters of A-Z and 0-9, upper case only (sign password). */
    static final byte UPPER_ALPHANUMERIC_6_TO_16 = (byte) 2;

    /** Exactly six digits: the surface AP's birth-date key (era YYMMDD). */
    static final byte SIX_DIGITS = (byte) 3;
    /** Exactly twelve digits: 照合番号A (the My Number). */
    static final byte TWELVE_DIGITS = (byte) 4;
    /** Exactly fourteen digits: 照合番号B (era YYMMDD + expiry year + security code). */
    static final byte FOURTEEN_DIGITS = (byte) 5;

    /** Longest PIN value any format allows; the persistent value buffer has this size. */
    static final byte MAX_LENGTH = (byte) 16;

    static boolean accepts(byte format, byte[] value, short offset, short length) {
        short digits = digitCount(format);
        if (digits != (short) 0) {
            return length == digits && onlyAllowed(value, offset, length, false);
        }
        if (format == UPPER_ALPHANUMERIC_6_TO_16) {
            return length >= (short) 6 && length <= (short) 16 && onlyAllowed(value, offset, length, true);
        }
        return false;
    }

    /** The fixed length of an all-digit format, 0 for any other format. */
    private static short digitCount(byte format) {
        switch (format) {
            case FOUR_DIGITS: return (short) 4;
            case SIX_DIGITS: return (short) 6;
            case TWELVE_DIGITS: return (short) 12;
            case FOURTEEN_DIGITS: return (short) 14;
            default: return (short) 0;
        }
    }

    private static boolean onlyAllowed(byte[] value, short offset, short length, boolean lettersToo) {
        for (short i = 0; i < length; i++) {
            byte c = value[(short) (offset + i)];
            boolean digit = c >= (byte) '0' && c <= (byte) '9';
            boolean upperLetter = c >= (byte) 'A' && c <= (byte) 'Z';
            if (!digit && !(lettersToo && upperLetter)) {
                return false;
            }
        }
        return true;
    }
}
