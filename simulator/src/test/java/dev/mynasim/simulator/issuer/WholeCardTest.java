package dev.mynasim.simulator.issuer;

import dev.mynasim.model.TryLimits;
import dev.mynasim.simulator.StatusWord;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.PersonaRepository;
import dev.mynasim.fixtures.pki.TestPki;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.VirtualCards;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The four applications beyond JPKI and the MF level, byte by byte, on a card issued from a persona. */
class WholeCardTest {

    private static Persona hanako;
    private static TestPki pki;

    @BeforeAll
    static void load() {
        hanako = PersonaRepository.load().byId("hanako");
        pki = TestPki.load();
    }

    private static VirtualCard card() {
        return VirtualCards.issue(hanako, pki, CardProfile.CONTACT);
    }

    private static byte[] send(VirtualCard card, String hex) {
        return card.transmit(HexFormat.of().parseHex(hex.replace(" ", "")));
    }

    private static byte[] data(byte[] response) {
        assertEquals(0x9000, StatusWord.of(response), () -> String.format("SW %04X", StatusWord.of(response)));
        return Arrays.copyOf(response, response.length - 2);
    }

    private static String ascii(String text) {
        return HexFormat.of().formatHex(text.getBytes(StandardCharsets.US_ASCII));
    }

    private static String lc(String asciiText) {
        return String.format("%02X", asciiText.length()) + ascii(asciiText);
    }

    private static byte[] readAll(VirtualCard card, String fid) {
        assertEquals(0x9000, StatusWord.of(send(card, "00A4020C02" + fid)));
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        while (true) {
            byte[] response = send(card, String.format("00B0%04X00", out.size()));
            if (StatusWord.of(response) != 0x9000) {
                break;
            }
            byte[] chunk = data(response);
            out.writeBytes(chunk);
            if (chunk.length < 256) {
                break;
            }
        }
        return out.toByteArray();
    }

    private static final String TEXT = "00A4040C0AD3921000310001010408";
    private static final String SURFACE = "00A4040C0AD3921000310001010402";
    private static final String JUKI = "00A4040C0AD3921000310001010401";
    private static final String COMMON = "00A4040C0AD3921000310001010100";

    @Test
    void myNumberWithTheTextPinIsSeventeenBytesWithFiller() {
        VirtualCard card = card();
        send(card, TEXT);
        assertEquals(0x6982, StatusWord.of(send(card, "00A4020C020001")) == 0x9000 ? StatusWord.of(send(card, "00B0000000")) : -1);
        send(card, "00A4020C020011");
        assertEquals(0x9000, StatusWord.of(send(card, "00200080" + lc(hanako.pins().text()))));
        send(card, "00A4020C020001");
        byte[] file = data(send(card, "00B0000000"));
        assertEquals("ff100c" + ascii(hanako.myNumber()) + "ffff", HexFormat.of().formatHex(file));
    }

    @Test
    void codeAOpensTheMyNumberOnlyAndCodeBTheBasicFourOnly() {
        VirtualCard card = card();
        send(card, TEXT);
        assertEquals(0x9000, StatusWord.of(send(card, "00200094" + lc(hanako.verificationCodeA()))));
        assertEquals(0x9000, StatusWord.of(send(card, "00B0810000")));
        assertEquals(0x6982, StatusWord.of(send(card, "00B0820000")));
        assertEquals(0x9000, StatusWord.of(send(card, "00B0830000")));
        send(card, TEXT);
        assertEquals(0x9000, StatusWord.of(send(card, "00200095" + lc(hanako.verificationCodeB()))));
        assertEquals(0x6982, StatusWord.of(send(card, "00B0810000")));
        byte[] basic = data(send(card, "00B0820000"));
        assertEquals((byte) 0xFF, basic[0]);
        assertEquals(0x20, basic[1]);
        int nameOffset = ((basic[6] & 0xFF) << 8) | (basic[7] & 0xFF);
        assertEquals((byte) 0xDF, basic[nameOffset]);
        assertEquals(0x22, basic[nameOffset + 1]);
    }

    @Test
    void textBlockedReferenceAndTryLimits() {
        VirtualCard card = card();
        send(card, TEXT);
        assertEquals(0x63C0, StatusWord.of(send(card, "00200092")));
        assertEquals(0x6984, StatusWord.of(send(card, "0020009204" + ascii("1234"))));
        assertEquals(0x63C3, StatusWord.of(send(card, "00200091")));
        assertEquals(0x63C0 | TryLimits.VERIFICATION_CODES, StatusWord.of(send(card, "00200094")));
        // A wrong length costs nothing.
        assertEquals(0x6A80, StatusWord.of(send(card, "0020009403" + ascii("123"))));
        assertEquals(0x63C0 | TryLimits.VERIFICATION_CODES, StatusWord.of(send(card, "00200094")));
    }

    @Test
    void integrityRecordVerifiesAgainstTheCvCertificateKey() throws Exception {
        VirtualCard card = card();
        send(card, TEXT);
        send(card, "00A4020C020011");
        send(card, "00200080" + lc(hanako.pins().text()));
        byte[] myNumber = readAll(card, "0001");
        byte[] basic = readAll(card, "0002");
        byte[] integrity = readAll(card, "0003");
        byte[] cv = readAll(card, "0004");
        byte[] basicInfo = readAll(card, "0005");
        assertEquals(17, myNumber.length);
        assertEquals(336, integrity.length);
        assertEquals(568, cv.length);
        assertEquals(256, basicInfo.length, "EF 0005 as clients read it: 256 bytes");
        assertEquals("ff3082014bdf3120", HexFormat.of().formatHex(integrity, 0, 8));
        byte[] sha = java.security.MessageDigest.getInstance("SHA-256").digest(myNumber);
        assertArrayEquals(sha, Arrays.copyOfRange(integrity, 8, 40));
        assertEquals("df3220", HexFormat.of().formatHex(integrity, 40, 43));
        int df22 = 0;
        while (df22 < basic.length - 1 && !(basic[df22] == (byte) 0xDF && basic[df22 + 1] == 0x22)) {
            df22++;
        }
        assertArrayEquals(java.security.MessageDigest.getInstance("SHA-256").digest(Arrays.copyOfRange(basic, df22, basic.length)),
                Arrays.copyOfRange(integrity, 43, 75), "the integrity record's second hash covers EF 0002 from DF22 to its end");
        byte[] modulus = Arrays.copyOfRange(cv, 568 - 261 - 256, 568 - 261);
        PublicKey key = KeyFactory.getInstance("RSA").generatePublic(
                new RSAPublicKeySpec(new BigInteger(1, modulus), BigInteger.valueOf(65537)));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(key);
        verifier.update(integrity, 5, 70);
        assertTrue(verifier.verify(Arrays.copyOfRange(integrity, 80, 336)));
        // The own key signs with 80 2A 00 00 and no PIN.
        send(card, TEXT);
        assertEquals(256, data(send(card, "802A000020" + "00".repeat(32) + "00")).length);
    }

    @Test
    void surfaceFaceOpensWithAOrBAndHoldsPngs() throws Exception {
        VirtualCard card = card();
        send(card, SURFACE);
        assertEquals(0x6982, StatusWord.of(send(card, "00B0820000")));
        assertEquals(0x9000, StatusWord.of(send(card, "00200092" + lc(hanako.verificationCodeB()))));
        assertEquals(0x6982, StatusWord.of(send(card, "00B0850000")));
        byte[] face = readAll(card, "0002");
        assertEquals("ff2082", HexFormat.of().formatHex(face, 0, 3));
        int nameOffset = ((face[8 + 6] & 0xFF) << 8) | (face[8 + 7] & 0xFF);
        assertEquals(0xDF25, ((face[nameOffset] & 0xFF) << 8) | (face[nameOffset + 1] & 0xFF));
        int lengthByte = face[nameOffset + 2] & 0xFF;
        int header = lengthByte < 0x80 ? 3 : 3 + (lengthByte & 0x7F);
        int length = lengthByte < 0x80 ? lengthByte : new BigInteger(1, Arrays.copyOfRange(face, nameOffset + 3, nameOffset + header)).intValue();
        assertNotNull(ImageIO.read(new ByteArrayInputStream(face, nameOffset + header, length)));
        send(card, SURFACE);
        assertEquals(0x9000, StatusWord.of(send(card, "00200093" + lc(hanako.verificationCodeA()))));
        assertEquals(0x9000, StatusWord.of(send(card, "00B0850000")));
        send(card, SURFACE);
        assertEquals(0x9000, StatusWord.of(send(card, "00200091" + lc(hanako.birthDateEra6()))));
        assertEquals("ff1082021edf1108" + ascii(hanako.birthDateYyyymmdd()), HexFormat.of().formatHex(data(send(card, "00B0810010"))));
    }

    @Test
    void jukiAndCommonPinsAreIndependentAndChangeWithChangeKey() {
        VirtualCard card = card();
        send(card, JUKI);
        assertEquals(0x63C2, StatusWord.of(send(card, "0020009C04" + ascii("0000"))));
        send(card, COMMON);
        assertEquals(0x63C3, StatusWord.of(send(card, "0020009C")));
        assertEquals(0x9000, StatusWord.of(send(card, "0020009C" + lc(hanako.pins().juki()))));
        send(card, "00A4020C02001C");
        assertEquals(0x6D00, StatusWord.of(send(card, "0024018004" + ascii("5678"))));
        assertEquals(0x9000, StatusWord.of(send(card, "8032008004" + ascii("5678"))));
        send(card, COMMON);
        assertEquals(0x9000, StatusWord.of(send(card, "0020009C04" + ascii("5678"))));
    }

    @Test
    void commonRecordAndInternalAuthenticate() throws Exception {
        VirtualCard card = card();
        send(card, COMMON);
        byte[] record = data(send(card, "00B2010C00"));
        assertEquals("011c" + ascii(hanako.serialNumber() + hanako.municipalityCode()
                + CardImages.yyyymmdd(hanako.cardExpiry())), HexFormat.of().formatHex(record));
        assertArrayEquals(record, data(send(card, "00B2010400")));
        assertEquals(0x6A83, StatusWord.of(send(card, "00B2020400")));
        byte[] signature = data(send(card, "0088009908" + "0102030405060708" + "00"));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(IssuerKeys.forHolder(hanako.id()).commonAuthentication().getPublic());
        verifier.update(HexFormat.of().parseHex("0102030405060708"));
        assertTrue(verifier.verify(signature));
        send(card, SURFACE);
        assertEquals(0x6985, StatusWord.of(send(card, "0088009A0401020304")));
        send(card, "00A4040C0AD392F000260100000001");
        assertEquals(0x6982, StatusWord.of(send(card, "008800970401020304")));
    }

    @Test
    void masterFileLevel() {
        VirtualCard card = card();
        assertEquals("e000ff8131fe4514", HexFormat.of().formatHex(data(send(card, "00CA5F5100"))));
        assertEquals(ascii(hanako.municipalityCode()), HexFormat.of().formatHex(data(send(card, "00CA00F000"))));
        assertEquals(0x6A88, StatusWord.of(send(card, "00CA004200")));
        assertEquals(0x6A86, StatusWord.of(send(card, "00A40000")));
        send(card, TEXT);
        assertEquals(0x9000, StatusWord.of(send(card, "00A40000")));
        assertEquals(0x9000, StatusWord.of(send(card, "00A4040C07A0000001510000")));
        assertEquals(0x6A86, StatusWord.of(send(card, "00A40000")));
        assertEquals(0x6A82, StatusWord.of(send(card, "00A4040C0AD3921000310001010499")));
        assertEquals(0x6882, StatusWord.of(send(card, "08A4040C0AD3921000310001010408")));
        assertEquals(0x6881, StatusWord.of(send(card, "01CA5F5100")));
    }

    @Test
    void challengesDifferBetweenCallsAndCards() {
        VirtualCard first = card();
        VirtualCard second = card();
        byte[] a = data(send(first, "0084000008"));
        byte[] b = data(send(first, "0084000008"));
        byte[] c = data(send(second, "0084000008"));
        assertEquals(8, a.length);
        assertFalse(Arrays.equals(a, b), "two calls");
        assertFalse(Arrays.equals(a, c), "two cards");
        assertEquals(256, data(send(first, "0084000000")).length);
        assertEquals(0x6985, StatusWord.of(send(first, "00840000000100")));
        send(first, TEXT);
        send(second, TEXT);
        assertFalse(Arrays.equals(data(send(first, "0084000008")), data(send(second, "0084000008"))), "two cards, in an application");
    }
}
