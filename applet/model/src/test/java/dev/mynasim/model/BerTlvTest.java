package dev.mynasim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What the simulator encodes, the client decodes: every length form, 1- and 2-byte tags. */
class BerTlvTest {

    @Test
    void encodeThenDecodeGivesTheSameObject() {
        for (int tag : new int[] {0x84, 0xDF22, 0xFF20}) {
            for (int size : new int[] {0, 1, 127, 128, 255, 256, 4000}) {
                byte[] value = new byte[size];
                for (int i = 0; i < size; i++) {
                    value[i] = (byte) (i * 7);
                }
                byte[] encoded = BerTlv.of(tag, value);
                BerTlv.Element element = BerTlv.at(encoded, 0);
                assertEquals(tag, element.tag());
                assertArrayEquals(value, element.value());
                assertEquals(encoded.length, element.totalLength());
                assertEquals(encoded.length, BerTlv.sizeFromHeader(encoded));
            }
        }
    }

    @Test
    void lengthFormsAsIso7816() {
        HexFormat hex = HexFormat.of().withUpperCase();
        assertEquals(List.of("7F", "8180", "81FF", "820100"),
                List.of(hex.formatHex(BerTlv.length(127)), hex.formatHex(BerTlv.length(128)),
                        hex.formatHex(BerTlv.length(255)), hex.formatHex(BerTlv.length(256))));
    }

    @Test
    void childrenInOrderAndATruncatedObjectIsRefused() {
        byte[] value = BerTlv.concat(BerTlv.of(0xDF22, new byte[] {1}), BerTlv.of(0xDF23, new byte[] {2, 3}));
        Map<Integer, byte[]> children = BerTlv.children(value);
        assertEquals(List.of(0xDF22, 0xDF23), List.copyOf(children.keySet()));
        assertArrayEquals(new byte[] {2, 3}, children.get(0xDF23));
        byte[] truncated = {(byte) 0xFF, 0x10, 0x05, 1, 2};
        assertThrows(IllegalArgumentException.class, () -> BerTlv.at(truncated, 0));
    }
}
