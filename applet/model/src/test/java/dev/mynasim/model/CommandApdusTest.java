package dev.mynasim.model;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import java.util.SplittableRandom;
import javax.smartcardio.CommandAPDU;
import org.junit.jupiter.api.Test;

/** The model's APDU encoder gives the bytes the JDK's CommandAPDU gives, in all four cases, short and extended. */
class CommandApdusTest {

    private static byte[] jdk(int cla, int ins, int p1, int p2, byte[] data, int ne) {
        CommandAPDU apdu = data.length == 0
                ? (ne > 0 ? new CommandAPDU(cla, ins, p1, p2, ne) : new CommandAPDU(cla, ins, p1, p2))
                : (ne > 0 ? new CommandAPDU(cla, ins, p1, p2, data, ne) : new CommandAPDU(cla, ins, p1, p2, data));
        return apdu.getBytes();
    }

    @Test
    void sameBytesAsTheJdkInEveryCase() {
        SplittableRandom random = new SplittableRandom(11);
        int[] lengths = {0, 1, 2, 255, 256, 257, 300, 4103, 65535};
        int[] nes = {0, 1, 255, 256, 257, 4096, 65535, 65536};
        for (int nc : lengths) {
            for (int ne : nes) {
                byte[] data = new byte[nc];
                random.nextBytes(data);
                assertArrayEquals(jdk(0x80, 0xD6, 1, 2, data, ne), CommandApdus.of(0x80, 0xD6, 1, 2, data, ne),
                        "Nc " + nc + ", Ne " + ne);
            }
        }
    }

    @Test
    void issuerCommandsAsDocumented() {
        HexFormat hex = HexFormat.of().withUpperCase();
        assertEquals("80E000000600010010FFFF", hex.formatHex(IssuerApdus.createEf(0x0001, 0x10, 0xFFFF)));
        assertEquals("80E001000400010010", hex.formatHex(IssuerApdus.setEfLength(0x0001, 0x10)));
        assertEquals("80DA031805FF31323334", hex.formatHex(IssuerApdus.setPin(0x18, 3, 0xFF, "1234".getBytes(java.nio.charset.StandardCharsets.US_ASCII))));
        assertEquals("00460097" + "00", hex.formatHex(IssuerApdus.generateKeyPair(CardKey.JPKI_AUTH)));
        assertEquals("002C029B0141", hex.formatHex(IssuerApdus.resetRetryCounter(Pin.SIGN, new byte[] {0x41})));
        assertEquals("80F00000", hex.formatHex(IssuerApdus.lock()));
        assertEquals("00A4040C0AD392F000260100000001", hex.formatHex(CommandApdus.selectApplication(CardApplication.JPKI.aid())));
        assertEquals("00A4020C020018", hex.formatHex(CommandApdus.selectFile(Pin.AUTH.fid())));
    }

    @Test
    void outOfRangeIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> CommandApdus.of(0, 0xB0, 0, 0, null, 65537));
        assertThrows(IllegalArgumentException.class, () -> CommandApdus.of(0, 0xD6, 0, 0, new byte[65536], 0));
    }
}
