package dev.mynasim.applet;

import static dev.mynasim.applet.TestCard.data;
import static dev.mynasim.applet.TestCard.hex;
import static dev.mynasim.applet.TestCard.sw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** SELECT and READ BINARY in every form the clients of docs/card-reference.md §2.6 use. */
class JpkiReadTest {
    private final TestCard card = TestCard.personalised();
    private final byte[] authCert = TestCard.certificate(TestCard.AUTH_CERT_SIZE, 3);
    private final byte[] signCert = TestCard.certificate(TestCard.SIGN_CERT_SIZE, 1);

    @Test
    void selectWithoutFciAnswers9000AndNoData() {
        byte[] response = card.send("00A4040C0A" + TestCard.JPKI_AID);
        assertArrayEquals(hex("9000"), response);
    }

    @Test
    void selectWithLeAnswersFciWithDfName() {
        byte[] response = card.send("00A404000A" + TestCard.JPKI_AID + "00");
        assertArrayEquals(hex("6F0C840A" + TestCard.JPKI_AID + "9000"), response);
    }

    @Test
    void selectEfBothP2Forms() {
        card.expect("00A4020C02000A", 0x9000);
        card.expect("00A4020002000A", 0x9000);
        card.expect("00A4020002000A00", 0x9000);
    }

    @Test
    void unknownFidIs6A82() {
        card.expect("00A4020C020099", 0x6A82);
        card.expect("00A4020C023F00", 0x6A82);
        card.expect("00A4020C020009", 0x6A82);
    }

    @Test
    void openScFourByteHeaderThenChunks() {
        card.selectEf("000A");
        byte[] header = card.send("00B0000004");
        assertArrayEquals(hex("3082061F9000"), header);
        int size = ((header[2] & 0xFF) << 8 | (header[3] & 0xFF)) + 4;
        assertEquals(TestCard.AUTH_CERT_SIZE, size);
        assertArrayEquals(authCert, readInChunks(size, 0xFF));
    }

    @Test
    void sevenByteHeaderThenShortLe00Chunks() {
        card.selectEf("000A");
        byte[] head = card.send("00B0000007");
        assertEquals(0x9000, sw(head));
        assertArrayEquals(Arrays.copyOf(authCert, 7), data(head));
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        all.writeBytes(data(head));
        int offset = 7;
        while (offset < authCert.length) {
            int remaining = authCert.length - offset;
            String le = remaining > 255 ? "00" : String.format("%02X", remaining);
            byte[] chunk = card.send(String.format("00B0%04X%s", offset, le));
            assertEquals(0x9000, sw(chunk));
            assertEquals(Math.min(256, remaining), data(chunk).length);
            all.writeBytes(data(chunk));
            offset += data(chunk).length;
        }
        assertArrayEquals(authCert, all.toByteArray());
    }

    @Test
    void extendedLeReturnsTheRestInOneResponse() {
        card.selectEf("000A");
        byte[] rest = card.send("00B0000400061F");
        assertEquals(0x9000, sw(rest));
        assertArrayEquals(Arrays.copyOfRange(authCert, 4, authCert.length), data(rest));
    }

    @Test
    void extendedLe65536ReturnsTheWholeFile() {
        card.selectEf("000A");
        byte[] whole = card.send("00B00000000000");
        assertEquals(0x9000, sw(whole));
        assertArrayEquals(authCert, data(whole));
    }

    @Test
    void sfiFormWithExtendedLeNeedsNoSelect() {
        byte[] whole = card.send("00B08A00000000");
        assertEquals(0x9000, sw(whole));
        assertArrayEquals(authCert, data(whole));
        byte[] part = card.send("00B08A1010");
        assertArrayEquals(Arrays.copyOfRange(authCert, 0x10, 0x20), data(part));
    }

    @Test
    void shortSfiReadIsCappedAt256() {
        byte[] first = card.send("00B08A0000");
        assertEquals(0x9000, sw(first));
        assertArrayEquals(Arrays.copyOf(authCert, 256), data(first));
    }

    @Test
    void readPastEndReturnsWhatExistsWith9000() {
        card.selectEf("000A");
        int offset = authCert.length - 10;
        byte[] tail = card.send(String.format("00B0%04X00", offset));
        assertEquals(0x9000, sw(tail));
        assertArrayEquals(Arrays.copyOfRange(authCert, offset, authCert.length), data(tail));
    }

    @Test
    void offsetAtOrBeyondSizeIs6B00() {
        card.selectEf("000A");
        card.expect(String.format("00B0%04X01", authCert.length), 0x6B00);
        card.expect("00B07FFF01", 0x6B00);
        card.expect("00B086A001", 0x6B00);
        card.expect("00B0869F01", 0x9000);
    }

    @Test
    void tokenInfoAndAvailability() {
        card.selectEf("0006");
        byte[] label = card.send("00B0000020");
        assertEquals("JPKIAPICCTOKEN2", new String(data(label)).trim());
        byte[] all = card.send("00B0000000");
        assertEquals(160, data(all).length);
        card.selectEf("0008");
        assertArrayEquals(hex("8F8F009000"), card.send("00B0000000"));
    }

    @Test
    void signCertificateNeedsSignPasswordInThisSession() {
        card.selectEf("0001");
        card.expect("00B0000004", 0x6982);
        card.expect("00B0810004", 0x6982);
        card.verifySignPassword();
        card.selectEf("0001");
        byte[] header = card.send("00B0000004");
        assertArrayEquals(hex("308206CA9000"), header);
        byte[] whole = card.send("00B08100000000");
        assertArrayEquals(signCert, data(whole));
        card.selectJpki();
        card.selectEf("0001");
        card.expect("00B0000004", 0x6982);
    }

    @Test
    void readErrors() {
        card.expect("00B0000004", 0x6986);
        card.selectEf("0018");
        card.expect("00B0000004", 0x6981);
        card.selectEf("0017");
        card.expect("00B0000004", 0x6981);
        card.expect("00B0980004", 0x6981);
        card.expect("00B0990004", 0x6A82);
        card.expect("00B0A00004", 0x6A86);
        card.expect("00B0800004", 0x6A86);
    }

    private byte[] readInChunks(int size, int chunk) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (int offset = 0; offset < size; offset += chunk) {
            int n = Math.min(chunk, size - offset);
            byte[] response = card.send(String.format("00B0%04X%02X", offset, n));
            assertEquals(0x9000, sw(response));
            all.writeBytes(data(response));
        }
        return all.toByteArray();
    }
}
