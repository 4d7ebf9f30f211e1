package dev.mynasim.simulator.issuer;

import java.io.ByteArrayOutputStream;

/** BER-TLV encoding with 1- or 2-byte tags and definite lengths, as the 券面 APs' files use. */
final class Tlv {

    private Tlv() {
    }

    static byte[] of(int tag, byte[] value) {
        return encode(tag, length(value.length), value);
    }

    /** As {@link #of}, but the length always in the form {@code 82 HH LL}, as some cards write EF 0002. */
    static byte[] withTwoByteLength(int tag, byte[] value) {
        return encode(tag, twoByteLength(value.length), value);
    }

    private static byte[] encode(int tag, byte[] length, byte[] value) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(value.length + 6);
        if (tag > 0xFF) {
            out.write(tag >> 8);
        }
        out.write(tag);
        out.writeBytes(length);
        out.writeBytes(value);
        return out.toByteArray();
    }

    /** {@code 82 HH LL}: a definite length in two bytes, whatever its value (BER allows it; DER would not). */
    static byte[] twoByteLength(int length) {
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("a length of " + length + " does not fit two bytes");
        }
        return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
    }

    /** Definite length: short form below 128, else 81 xx or 82 xx xx. */
    static byte[] length(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length <= 0xFF) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }
}
