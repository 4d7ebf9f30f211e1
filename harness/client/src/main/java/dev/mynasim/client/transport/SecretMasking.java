package dev.mynasim.client.transport;

/**
 * The one rule for what in an APDU is secret: the data field of every command that carries a PIN or
 * password (VERIFY, CHANGE REFERENCE DATA, RESET RETRY COUNTER as the office sends it, JICSAP CHANGE
 * KEY, and the issuer's SET PIN) or a key (SET KEY: RSA components and the AES issuer key), and the My
 * Number in a response. The issuer channel's EXTERNAL AUTHENTICATE cryptogram stays visible: it is a
 * one-time MAC of a one-time challenge and tells nothing about the key (the text AP's EF 0001, {@code FF 10 0C} + 12 digits).
 * Traces, reports and logs print APDUs only through {@link #describe(byte[])} and
 * {@link #describeResponse(byte[])}.
 */
public final class SecretMasking {

    private SecretMasking() {
    }

    /** The My Number data object of text EF 0001 (docs/card-reference.md §2.2): tag FF10, length 12. */
    private static final int[] MY_NUMBER_HEADER = {0xFF, 0x10, 0x0C};
    private static final int MY_NUMBER_DIGITS = 12;

    /** Hex of the response with the 12 My Number digits replaced by {@code **} when it holds them. */
    public static String describeResponse(byte[] response) {
        int header = MY_NUMBER_HEADER.length;
        boolean myNumber = response.length >= header + MY_NUMBER_DIGITS + 2;
        for (int i = 0; myNumber && i < header; i++) {
            myNumber = (response[i] & 0xFF) == MY_NUMBER_HEADER[i];
        }
        if (!myNumber) {
            return Apdus.toHex(response);
        }
        StringBuilder out = new StringBuilder(Apdus.toHex(response, 0, header));
        for (int i = 0; i < MY_NUMBER_DIGITS; i++) {
            out.append(" **");
        }
        int rest = response.length - header - MY_NUMBER_DIGITS;
        out.append(' ').append(Apdus.toHex(response, header + MY_NUMBER_DIGITS, rest));
        return out.toString();
    }

    /** Whether the command's data field holds PIN or password bytes. */
    public static boolean carriesSecret(byte[] command) {
        if (command.length < 5) {
            return false;
        }
        int cla = command[0] & 0xFF;
        int ins = command[1] & 0xFF;
        boolean proprietary = (cla & 0x80) != 0;
        return ins == 0x20 || ins == 0x21 || ins == 0x24 || ins == 0x2C
                || (proprietary && (ins == 0x32 || ins == 0xDA || ins == 0xDB));
    }

    /** Hex of the command with the data field replaced by {@code **} per byte when it carries a secret. */
    public static String describe(byte[] command) {
        if (!carriesSecret(command)) {
            return Apdus.toHex(command);
        }
        int dataOffset;
        int dataLength;
        if ((command[4] & 0xFF) == 0 && command.length >= 7) {
            dataOffset = 7;
            dataLength = ((command[5] & 0xFF) << 8) | (command[6] & 0xFF);
        } else {
            dataOffset = 5;
            dataLength = command[4] & 0xFF;
        }
        dataLength = Math.min(dataLength, Math.max(0, command.length - dataOffset));
        StringBuilder out = new StringBuilder(Apdus.toHex(command, 0, dataOffset));
        for (int i = 0; i < dataLength; i++) {
            out.append(" **");
        }
        int rest = command.length - dataOffset - dataLength;
        if (rest > 0) {
            out.append(' ').append(Apdus.toHex(command, dataOffset + dataLength, rest));
        }
        return out.toString();
    }
}
