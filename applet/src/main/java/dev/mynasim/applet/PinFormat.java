package dev.mynasim.applet;

/** PIN formats the card knows, and the check every VERIFY/CHANGE/SET does before touching a counter. */
final class PinFormat {
    private PinFormat() {
    }

    /** Exactly four digits 0-9 (auth PIN, text-AP PIN, 住基 PIN). */
    static final byte FOUR_DIGITS = (byte) 1;
    /** 6 to 16 characters of A-Z and 0-9, upper case only (sign password). */
    static final byte UPPER_ALPHANUMERIC_6_TO_16 = (byte) 2;

    /** Longest PIN value any format allows; the persistent value buffer has this size. */
    static final byte MAX_LENGTH = (byte) 16;

    static boolean accepts(byte format, byte[] value, short offset, short length) {
        if (format == FOUR_DIGITS) {
            return length == (short) 4 && onlyAllowed(value, offset, length, false);
        }
        if (format == UPPER_ALPHANUMERIC_6_TO_16) {
            return length >= (short) 6 && length <= (short) 16 && onlyAllowed(value, offset, length, true);
        }
        return false;
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
