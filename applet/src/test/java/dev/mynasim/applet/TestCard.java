package dev.mynasim.applet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.licel.jcardsim.base.Simulator;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.Arrays;
import java.util.HexFormat;
import javacard.framework.AID;
import javacard.framework.Applet;

/** A jCardSim card with the JPKI applet, driven by raw APDUs, plus a personaliser that uses only the contract's APDUs. */
final class TestCard {
    static final String JPKI_AID = "D392F000260100000001";
    static final String AUTH_PIN = "1234";
    static final String SIGN_PASSWORD = "ABC123";
    static final int AUTH_CERT_SIZE = 1571;
    static final int SIGN_CERT_SIZE = 1742;
    static final int CA_CERT_SIZE = 1200;
    /** The card's AES-128 issuer key (docs/personalisation.md, issuer channel); test material. */
    static final String ISSUER_KEY = "000102030405060708090A0B0C0D0E0F";

    /** One throwaway RSA-2048 key for both JPKI keys; generating it is the slow part. */
    static final KeyPair KEY = generate();

    final InspectableSimulator simulator = new InspectableSimulator();
    final AID aid;

    TestCard() {
        byte[] aidBytes = hex(JPKI_AID);
        aid = new AID(aidBytes, (short) 0, (byte) aidBytes.length);
        simulator.installApplet(aid, JpkiApplet.class);
    }

    static TestCard personalised() {
        TestCard card = new TestCard();
        card.personalise(true);
        return card;
    }

    MynaApplication applet() {
        return (MynaApplication) simulator.applet(aid);
    }

    byte[] send(String apdu) {
        return simulator.transmitCommand(hex(apdu));
    }

    byte[] send(byte[] apdu) {
        return simulator.transmitCommand(apdu);
    }

    int sw(String apdu) {
        return sw(send(apdu));
    }

    void expect(String apdu, int expectedSw) {
        byte[] response = send(apdu);
        assertEquals(String.format("%04X", expectedSw), String.format("%04X", sw(response)), "SW of " + apdu);
    }

    void selectJpki() {
        expect("00A4040C0A" + JPKI_AID, 0x9000);
    }

    void selectEf(String fid) {
        expect("00A4020C02" + fid, 0x9000);
    }

    void verifyAuthPin() {
        selectEf("0018");
        expect("0020008004" + ascii(AUTH_PIN), 0x9000);
    }

    void verifySignPassword() {
        selectEf("001B");
        expect("00200080" + lc(SIGN_PASSWORD.length()) + ascii(SIGN_PASSWORD), 0x9000);
    }

    /**
     * Signs the SHA-256 DigestInfo of 32 bytes of {@code fill} with the key selected now (raw PKCS#1, P1=00)
     * and tells whether the signature verifies under (modulus, 65537).
     */
    boolean signatureVerifies(BigInteger modulus, String fill) throws java.security.GeneralSecurityException {
        byte[] digestInfo = hex("3031300D060960864801650304020105000420" + fill.repeat(32));
        byte[] signature = data(send("802A008033" + HexFormat.of().formatHex(digestInfo) + "00"));
        java.security.Signature verifier = java.security.Signature.getInstance("NONEwithRSA");
        verifier.initVerify(java.security.KeyFactory.getInstance("RSA").generatePublic(
                new java.security.spec.RSAPublicKeySpec(modulus, BigInteger.valueOf(65537))));
        verifier.update(digestInfo);
        return verifier.verify(signature);
    }

    static int sw(byte[] response) {
        return ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
    }

    static byte[] data(byte[] response) {
        return Arrays.copyOf(response, response.length - 2);
    }

    // ---- personalisation through the contract's APDUs ----

    static byte[] certificate(int size, int seed) {
        byte[] cert = new byte[size];
        for (int i = 0; i < size; i++) {
            cert[i] = (byte) (i * 31 + seed);
        }
        cert[0] = 0x30;
        cert[1] = (byte) 0x82;
        cert[2] = (byte) ((size - 4) >> 8);
        cert[3] = (byte) (size - 4);
        return cert;
    }

    static byte[] tokenInfo() {
        byte[] token = new byte[160];
        Arrays.fill(token, 0, 32, (byte) ' ');
        byte[] label = "JPKIAPICCTOKEN2".getBytes();
        System.arraycopy(label, 0, token, 0, label.length);
        return token;
    }

    /** withSignCertificate=false: a holder under 15 (no sign cert, no sign key). */
    void personalise(boolean withSignCertificate) {
        selectJpki();
        if (withSignCertificate) {
            createAndWrite("0001", certificate(SIGN_CERT_SIZE, 1));
        }
        createAndWrite("0002", certificate(CA_CERT_SIZE, 2));
        createAndWrite("0006", tokenInfo());
        createAndWrite("0008", withSignCertificate ? hex("8F8F00") : hex("008F00"));
        createAndWrite("000A", certificate(AUTH_CERT_SIZE, 3));
        createAndWrite("000B", certificate(CA_CERT_SIZE, 4));
        expect("80DA0018" + lc(1 + 4) + "FF" + ascii(AUTH_PIN), 0x9000);
        expect("80DA001B" + lc(1 + SIGN_PASSWORD.length()) + "FF" + ascii(SIGN_PASSWORD), 0x9000);
        setKey("17");
        if (withSignCertificate) {
            setKey("1A");
        }
        expect("80DB100010" + ISSUER_KEY, 0x9000);
        expect("80F00000", 0x9000);
        selectJpki();
    }

    void createAndWrite(String fid, byte[] content) {
        expect(String.format("80E0000004%s%04X", fid, content.length), 0x9000);
        selectEf(fid);
        for (int offset = 0; offset < content.length; offset += 200) {
            int n = Math.min(200, content.length - offset);
            expect(String.format("80D6%04X%02X", offset, n)
                + HexFormat.of().formatHex(content, offset, offset + n), 0x9000);
        }
    }

    void setKey(String fidLo) {
        RSAPrivateCrtKey key = (RSAPrivateCrtKey) KEY.getPrivate();
        BigInteger[] components = {
            key.getPrimeP(), key.getPrimeQ(), key.getPrimeExponentP(), key.getPrimeExponentQ(), key.getCrtCoefficient()
        };
        for (int i = 0; i < components.length; i++) {
            expect(String.format("80DB%02X%s80", i + 1, fidLo) + HexFormat.of().formatHex(fixed128(components[i])), 0x9000);
        }
    }

    static byte[] fixed128(BigInteger value) {
        byte[] raw = value.toByteArray();
        byte[] out = new byte[128];
        int copy = Math.min(raw.length, 128);
        System.arraycopy(raw, raw.length - copy, out, 128 - copy, copy);
        return out;
    }

    // ---- hex helpers ----

    static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    static String ascii(String text) {
        return HexFormat.of().formatHex(text.getBytes());
    }

    static String lc(int length) {
        return String.format("%02X", length);
    }

    /** jCardSim keeps the applet objects in its runtime; the host-side hook needs the object. */
    static final class InspectableSimulator extends Simulator {
        Applet applet(AID aid) {
            return runtime.lookupApplet(aid).getApplet();
        }
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
