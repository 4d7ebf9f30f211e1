package dev.mynasim.harness.transport;

/**
 * The one rule for what in an APDU is secret: the data field of every command that carries a PIN or
 * password (VERIFY, CHANGE REFERENCE DATA, RESET RETRY COUNTER, JICSAP CHANGE KEY, and the issuer's
 * SET PIN). Traces, reports and logs print commands only through {@link #describe(byte[])}.
 */
public final class SecretMasking {

    private SecretMasking() {
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
