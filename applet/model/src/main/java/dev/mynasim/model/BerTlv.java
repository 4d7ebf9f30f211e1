package dev.mynasim.model;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The one BER-TLV codec of the host side, just enough for the 券面 APs' files: 1- or 2-byte tags,
 * definite lengths up to 82 LL LL. The simulator encodes the files with it, the client decodes them.
 */
public final class BerTlv {

    /**
     * One object: its tag, where its value starts in the source, and its value. A value class (copies
     * in and out, equal by content) rather than a record, whose byte[] component would compare by
     * identity; its string gives the value's length only (a file's value may be personal data).
     */
    public static final class Element {
        private final int tag;
        private final int headerLength;
        private final byte[] value;

        public Element(int tag, int headerLength, byte[] value) {
            this.tag = tag;
            this.headerLength = headerLength;
            this.value = value.clone();
        }

        public int tag() {
            return tag;
        }

        public int headerLength() {
            return headerLength;
        }

        public byte[] value() {
            return value.clone();
        }

        public int totalLength() {
            return headerLength + value.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Element that && tag == that.tag && headerLength == that.headerLength
                    && Arrays.equals(value, that.value);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * tag + headerLength) + Arrays.hashCode(value);
        }

        @Override
        public String toString() {
            return String.format("Element[tag=%X, %d value bytes]", tag, value.length);
        }
    }

    private BerTlv() {
    }

    /** The object tag ‖ length ‖ value. */
    public static byte[] of(int tag, byte[] value) {
        return encode(tag, length(value.length), value);
    }

    /** As {@link #of}, but the length always in the form {@code 82 HH LL}, as long-form cards write text EF 0002. */
    public static byte[] withTwoByteLength(int tag, byte[] value) {
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
    public static byte[] twoByteLength(int length) {
        if (length > 0xFFFF) {
            throw new IllegalArgumentException("a length of " + length + " does not fit two bytes");
        }
        return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
    }

    /** Definite length: short form below 128, else 81 xx or 82 xx xx. */
    public static byte[] length(int length) {
        if (length < 0x80) {
            return new byte[] {(byte) length};
        }
        if (length <= 0xFF) {
            return new byte[] {(byte) 0x81, (byte) length};
        }
        return new byte[] {(byte) 0x82, (byte) (length >> 8), (byte) length};
    }

    /** The parts one after the other. */
    public static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] part : parts) {
            out.writeBytes(part);
        }
        return out.toByteArray();
    }

    /** The object at offset. */
    public static Element at(byte[] data, int offset) {
        int position = offset;
        int tag = data[position++] & 0xFF;
        if ((tag & 0x1F) == 0x1F) {
            tag = (tag << 8) | (data[position++] & 0xFF);
        }
        int length = data[position++] & 0xFF;
        if (length > 0x80) {
            int count = length & 0x7F;
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (data[position++] & 0xFF);
            }
        }
        if (position + length > data.length) {
            throw new IllegalArgumentException(String.format("TLV %X at %d runs past the end (%d > %d bytes)",
                    tag, offset, position + length, data.length));
        }
        return new Element(tag, position - offset, Arrays.copyOfRange(data, position, position + length));
    }

    /** The children of a constructed value, by tag, in order. */
    public static Map<Integer, byte[]> children(byte[] value) {
        Map<Integer, byte[]> out = new LinkedHashMap<>();
        int offset = 0;
        while (offset < value.length) {
            Element element = at(value, offset);
            out.put(element.tag(), element.value());
            offset += element.totalLength();
        }
        return out;
    }

    /** Total size of the object whose first bytes are header (at least tag and length bytes). */
    public static int sizeFromHeader(byte[] header) {
        int position = (header[0] & 0x1F) == 0x1F ? 2 : 1;
        int length = header[position++] & 0xFF;
        if (length > 0x80) {
            int count = length & 0x7F;
            length = 0;
            for (int i = 0; i < count; i++) {
                length = (length << 8) | (header[position++] & 0xFF);
            }
        }
        return position + length;
    }
}
