package dev.mynasim.client.transport;

import javax.smartcardio.CommandAPDU;
import org.bouncycastle.util.encoders.Hex;

/** Small helpers around APDU bytes: hex text, status words, and the fields the decorators look at. */
public final class Apdus {

    private Apdus() {
    }

    /** Parses hex with optional spaces/colons, e.g. {@code "00 A4 04 0C"}; a clear error names the bad text. */
    public static byte[] fromHex(String text) {
        String compact = text.replaceAll("[\\s:]", "");
        if (compact.length() % 2 != 0 || !compact.matches("[0-9A-Fa-f]*")) {
            throw new IllegalArgumentException("not hex bytes: \"" + text + "\"");
        }
        return Hex.decode(compact);
    }

    /** Upper-case hex with a space between bytes. */
    public static String toHex(byte[] bytes) {
        return toHex(bytes, 0, bytes.length);
    }

    public static String toHex(byte[] bytes, int offset, int length) {
        StringBuilder out = new StringBuilder(length * 3);
        for (int i = offset; i < offset + length; i++) {
            if (i > offset) {
                out.append(' ');
            }
            out.append(String.format("%02X", bytes[i] & 0xFF));
        }
        return out.toString();
    }

    /** The status word (last two bytes) of a response APDU. */
    public static int sw(byte[] response) {
        if (response.length < 2) {
            throw new TransportException("response of " + response.length + " byte(s) has no status word");
        }
        return ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
    }

    /** The data part of a response APDU (everything before the status word). */
    public static byte[] data(byte[] response) {
        byte[] data = new byte[Math.max(0, response.length - 2)];
        System.arraycopy(response, 0, data, 0, data.length);
        return data;
    }

    public static String swText(int sw) {
        return String.format("%04X", sw);
    }

    /** Encodes a command with javax.smartcardio's encoder (short or extended as the lengths require). */
    public static byte[] command(int cla, int ins, int p1, int p2, byte[] data, int ne) {
        CommandAPDU apdu = data == null || data.length == 0
                ? (ne > 0 ? new CommandAPDU(cla, ins, p1, p2, ne) : new CommandAPDU(cla, ins, p1, p2))
                : (ne > 0 ? new CommandAPDU(cla, ins, p1, p2, data, ne) : new CommandAPDU(cla, ins, p1, p2, data));
        return apdu.getBytes();
    }

    public static byte[] command(int cla, int ins, int p1, int p2) {
        return command(cla, ins, p1, p2, null, 0);
    }
}
