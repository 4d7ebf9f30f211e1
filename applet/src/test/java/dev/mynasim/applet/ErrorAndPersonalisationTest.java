package dev.mynasim.applet;

import static dev.mynasim.applet.TestCard.ascii;
import static dev.mynasim.applet.TestCard.hex;
import static dev.mynasim.applet.TestCard.sw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** The error status-word table, the no-6F00 guarantee, and the personalisation contract. */
class ErrorAndPersonalisationTest {

    @Test
    void classAndInstructionErrors() {
        TestCard card = TestCard.personalised();
        card.selectEf("000A");
        card.expect("00CA000000", 0x6D00);
        card.expect("80B0000004", 0x6D00);
        card.expect("A0B0000004", 0x6E00);
        card.expect("20B0000004", 0x6E00);
        card.expect("FFB0000004", 0x6E00);
        card.expect("01B0000004", 0x6881);
        card.expect("03B0000004", 0x6881);
        card.expect("41B0000004", 0x6881);
        card.expect("60B0000004", 0x6881);
        card.expect("08B0000004", 0x69FC);
        card.expect("0CB0000004", 0x69FC);
        card.expect("0C20008004" + ascii("1234"), 0x69FC);
        card.expect("0CA4020C02000A", 0x6882);
        card.expect("10B0000004", 0x6884);
        card.expect("00A4020C03000A00", 0x6700);
        card.expect("00A4020C01000A", 0x6700);
        card.expect("00A4030C02000A", 0x6A86);
        card.expect("00A4020402000A", 0x6A86);
        card.expect("00A40000", 0x9000);
        card.expect("00A4040C05A000000001", 0x6A82);
    }

    @Test
    void noMalformedApduEverAnswers6F00() {
        TestCard card = TestCard.personalised();
        Random random = new Random(42);
        byte[] ins = hex("A4B020242AE0D6DADBDCF0CA8488");
        byte[] cla = hex("0080");
        int reachedTheApplet = 0;
        for (int i = 0; i < 4000; i++) {
            int length = 4 + random.nextInt(i % 3 == 0 ? 300 : 24);
            byte[] apdu = new byte[length];
            random.nextBytes(apdu);
            apdu[0] = random.nextInt(4) == 0 ? apdu[0] : cla[random.nextInt(cla.length)];
            apdu[1] = random.nextInt(5) == 0 ? apdu[1] : ins[random.nextInt(ins.length)];
            if (random.nextBoolean() && length > 5) {
                apdu[4] = (byte) (length - 5);
            }
            if (random.nextInt(6) == 0) {
                card.verifyAuthPin();
                card.selectEf("0017");
            }
            byte[] response;
            try {
                response = card.send(apdu);
            } catch (IllegalArgumentException notAnApdu) {
                // jCardSim refuses to parse it (Lc/Le inconsistent with the length): never reaches the applet.
                continue;
            }
            reachedTheApplet++;
            assertNotEquals(0x6F00, sw(response), () -> "6F00 for " + java.util.HexFormat.of().formatHex(apdu));
        }
        assertEquals(true, reachedTheApplet > 1000, "enough APDUs reached the applet: " + reachedTheApplet);
    }

    @Test
    void issuerCommandErrors() {
        TestCard card = new TestCard();
        card.selectJpki();
        card.expect("80E0000003000100", 0x6700);
        card.expect("80E000000400990010", 0x6A82);
        card.expect("80E000000400180010", 0x6A82);
        card.expect("80E000000400020000", 0x6A80);
        card.expect("80E000000400028000", 0x6A80);
        card.expect("80E000000400020010", 0x9000);
        card.expect("80E000000400020010", 0x6A89);
        card.expect("80E002000400060010", 0x6A86);
        card.expect("80E001000400060010", 0x6A82); // SET EF LENGTH of an EF never created
        card.expect("80E000000600020010000F", 0x6A89);
        card.expect("80D6000001AA", 0x6986);
        card.selectEf("0018");
        card.expect("80D6000001AA", 0x6981);
        card.selectEf("0002");
        card.expect("80D600000F" + "11".repeat(15), 0x9000);
        card.expect("80D6000F0211FF", 0x6B00);
        card.expect("80D6001101AA", 0x6B00);
        card.expect("80DA0099" + "05FF" + ascii("1234"), 0x6A82);
        card.expect("80DA0018" + "05FF" + ascii("12A4"), 0x6A80);
        card.expect("80DA0018" + "0504" + ascii("1234"), 0x6A80);
        card.expect("80DB0199" + "80" + "00".repeat(128), 0x6A82);
        card.expect("80DB0617" + "80" + "00".repeat(128), 0x6A86);
        card.expect("80DB0117" + "7F" + "00".repeat(127), 0x6700);
        card.expect("80DC000902" + "6B00", 0x6A86);
        card.expect("80DC000101" + "6B", 0x6700);
        // EF 000A exists, so its key 0017 and that key's PIN 0018 are required.
        card.expect("80E0000004000A0010", 0x9000);
        card.expect("80F00000", 0x6985);
    }

    @Test
    void issuerCommandsRefusedAfterLock() {
        TestCard card = TestCard.personalised();
        card.expect("80E000000400020010", 0x6982);
        card.selectEf("0002");
        card.expect("80D6000001AA", 0x6982);
        card.expect("80DA0018" + "05FF" + ascii("9999"), 0x6982);
        card.expect("80DB0117" + "80" + "00".repeat(128), 0x6982);
        card.expect("80DC00030101", 0x6982);
        card.expect("80F00000", 0x6982);
        card.selectEf("0018");
        card.expect("0020008004" + ascii(TestCard.AUTH_PIN), 0x9000);
    }

    @Test
    void lockWithoutSignCertificateNeedsNoSignKey() {
        TestCard card = new TestCard();
        card.personalise(false);
        card.expect("00A4020C020001", 0x6A82);
        card.expect("00B0860000", 0x9000);
        card.selectEf("0008");
        assertArrayEquals(hex("008F009000"), card.send("00B0000003"));
        card.selectEf("001B");
        card.expect("00200080", 0x63C5);
        card.verifySignPassword();
        card.expect("802A009A0101", 0x6985);
    }

    @Test
    void lockRequiresKeyWhenCertificateExists() {
        TestCard card = new TestCard();
        card.selectJpki();
        card.createAndWrite("0001", TestCard.certificate(100, 1));
        card.expect("80DA0018" + "05FF" + ascii("1234"), 0x9000);
        card.expect("80DA001B" + "07FF" + ascii("ABC123"), 0x9000);
        card.setKey("17");
        card.expect("80F00000", 0x6985);
        card.setKey("1A");
        card.expect("80F00000", 0x9000);
    }

    @Test
    void setPinLimitAndTriesLeft() {
        TestCard card = new TestCard();
        card.selectJpki();
        card.expect("80DA0A18" + "0502" + ascii("1234"), 0x9000);
        card.selectEf("0018");
        card.expect("00200080", 0x63C2);
        card.expect("0020008004" + ascii("1234"), 0x9000);
        card.expect("00200080", 0x63CA);
        card.expect("80DA001B" + "0700" + ascii("ABC123"), 0x9000);
        card.selectEf("001B");
        card.expect("0020008006" + ascii("ABC123"), 0x6984);
    }

    @Test
    void optionsChangeBehaviour() {
        TestCard card = new TestCard();
        card.selectJpki();
        card.expect("80DC0001026282", 0x9000);
        card.expect("80DC00020101", 0x9000);
        card.expect("80DC00030101", 0x9000);
        card.expect("80DC0004026984", 0x9000);
        card.expect("80DC00030102", 0x6A80);
        card.personalise(true);
        card.selectEf("0006");
        card.expect("00B000A001", 0x6282);
        byte[] tail = card.send("00B0009020");
        assertEquals(0x6282, sw(tail));
        assertEquals(16, tail.length - 2);
        byte[] shortTail = card.send("00B0009C00");
        assertEquals(0x6282, sw(shortTail));
        assertEquals(4, shortTail.length - 2);
        card.selectEf("0018");
        card.expect("0020008003" + ascii("123"), 0x6984);
        card.expect("00200080", 0x63C3);
        card.expect("0020008004" + ascii(TestCard.AUTH_PIN), 0x9000);
        card.expect("00200080", 0x9000);
    }

    @Test
    void exportPinsFormat() {
        TestCard card = TestCard.personalised();
        card.selectEf("0018");
        card.expect("0020008004" + ascii("0000"), 0x63C2);
        byte[] out = new byte[64];
        short end = HostExport.exportPins(card.applet(), out, (short) 3);
        byte[] expected = hex("0018" + "03" + "02" + "04" + ascii(TestCard.AUTH_PIN)
            + "001B" + "05" + "05" + "06" + ascii(TestCard.SIGN_PASSWORD));
        assertEquals(3 + expected.length, end);
        assertArrayEquals(expected, Arrays.copyOfRange(out, 3, end));
    }
}
