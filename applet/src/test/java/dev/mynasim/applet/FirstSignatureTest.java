package dev.mynasim.applet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * A card issued to a holder under 15: the signature certificate EF reserved empty, the signature key
 * reserved, the password not set; the card answers as one without a signature certificate until the
 * office, over the issuer channel, sets the password, generates the key and writes the certificate
 * (docs/lifecycle.md, "first signature certificate").
 */
class FirstSignatureTest {

    private static final String PASSWORD = TestCard.SIGN_PASSWORD;
    private final TestCard card = new TestCard();

    FirstSignatureTest() {
        card.selectJpki();
        // size 0 in the 4-byte form has no room at all: refused; with a capacity it reserves the EF
        card.expect("80E000000400010000", 0x6A80);
        card.expect("80E0000006000100000A00", 0x9000);
        card.createAndWrite("0002", TestCard.certificate(TestCard.CA_CERT_SIZE, 2));
        card.createAndWrite("0006", TestCard.tokenInfo());
        card.createAndWrite("0008", TestCard.hex("008F00"));
        card.createAndWrite("000A", TestCard.certificate(TestCard.AUTH_CERT_SIZE, 3));
        card.createAndWrite("000B", TestCard.certificate(TestCard.CA_CERT_SIZE, 4));
        card.expect("80DA0018" + TestCard.lc(1 + 4) + "FF" + TestCard.ascii(TestCard.AUTH_PIN), 0x9000);
        card.setKey("17");
        card.expect("80DB001A01" + "00", 0x6700);
        card.expect("80DB001A", 0x9000);
        card.expect("80DB100010" + TestCard.ISSUER_KEY, 0x9000);
        card.expect("80F00000", 0x9000);
        card.selectJpki();
    }

    private void authenticate() {
        byte[] challenge = TestCard.data(card.send("0084000010"));
        card.expect("0082008110" + IssuerChannelTest.cmac(TestCard.ISSUER_KEY, challenge), 0x9000);
    }

    private String setPassword() {
        return "80DA001B" + TestCard.lc(1 + PASSWORD.length()) + "FF" + TestCard.ascii(PASSWORD);
    }

    private byte[] snapshot() {
        byte[] out = new byte[20000];
        short end = HostExport.exportPins(card.applet(), out, (short) 0);
        end = HostExport.exportContents(card.applet(), out, end);
        return Arrays.copyOf(out, end);
    }

    @Test
    void beforeTheOfficeTheCardAnswersAsOneWithoutASignatureCertificate() {
        card.expect("00A4020C020001", 0x6A82);
        card.expect("00B0810000", 0x6A82);
        card.selectEf("001B");
        card.expect("00200080", 0x63C0);
        card.expect("00200080" + TestCard.lc(PASSWORD.length()) + TestCard.ascii(PASSWORD), 0x6984);
        card.selectEf("001A");
        card.expect("802A0080" + TestCard.lc(51) + "00".repeat(51) + "00", 0x6985);
        byte[] before = snapshot();
        // Without the issuer channel nothing of the office's opens.
        card.expect(setPassword(), 0x6982);
        card.expect("0046009A00", 0x6982);
        card.expect("80E00100040001" + "0010", 0x6982);
        assertArrayEquals(before, snapshot());
    }

    @Test
    void theOfficeSetsThePasswordGeneratesTheKeyAndWritesTheCertificate() throws Exception {
        authenticate();
        card.expect(setPassword(), 0x9000);
        // a PIN that is set is reset (00 2C), never set again
        card.expect(setPassword(), 0x6985);
        card.expect("80DA0018" + TestCard.lc(1 + 4) + "FF" + TestCard.ascii("1234"), 0x6985);
        byte[] response = card.send("0046009A00");
        assertEquals(0x9000, TestCard.sw(response));
        BigInteger modulus = new BigInteger(1, TestCard.data(response));
        byte[] certificate = TestCard.certificate(TestCard.SIGN_CERT_SIZE, 7);
        card.expect(String.format("80E00100040001%04X", certificate.length), 0x9000);
        card.selectEf("0001");
        for (int offset = 0; offset < certificate.length; offset += 200) {
            int n = Math.min(200, certificate.length - offset);
            card.expect(String.format("80D6%04X%02X", offset, n) + HexFormat.of().formatHex(certificate, offset, offset + n), 0x9000);
        }
        card.selectJpki();
        card.verifySignPassword();
        card.selectEf("0001");
        byte[] read = TestCard.data(card.send("00B0000000"));
        assertArrayEquals(Arrays.copyOf(certificate, read.length), read);
        card.selectEf("001A");
        assertTrue(card.signatureVerifies(modulus, "22"), "the signature verifies with the modulus the card answered");
        card.selectEf("001B");
        card.expect("00200080", 0x63C5);
    }
}
