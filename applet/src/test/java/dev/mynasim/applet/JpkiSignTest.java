package dev.mynasim.applet;

import static dev.mynasim.applet.TestCard.data;
import static dev.mynasim.applet.TestCard.sw;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.MessageDigest;
import java.security.Signature;
import java.security.spec.MGF1ParameterSpec;
import java.security.spec.PSSParameterSpec;
import java.util.HexFormat;
import javax.crypto.Cipher;
import org.junit.jupiter.api.Test;

/** 80 2A (docs/card-reference.md §4). */
class JpkiSignTest {
    private static final String DIGEST_INFO_PREFIX = "3031300D060960864801650304020105000420";
    private final TestCard card = TestCard.personalised();
    private final byte[] message = "MynaSim says hello".getBytes();

    private static byte[] sha256(byte[] data) throws Exception {
        return MessageDigest.getInstance("SHA-256").digest(data);
    }

    private String digestInfo() throws Exception {
        return DIGEST_INFO_PREFIX + HexFormat.of().formatHex(sha256(message));
    }

    private boolean verifiesAsSha256WithRsa(byte[] signature) throws Exception {
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(TestCard.KEY.getPublic());
        verifier.update(message);
        return verifier.verify(signature);
    }

    @Test
    void pkcs1OverDigestInfoWithSelectedAuthKey() throws Exception {
        card.verifyAuthPin();
        card.selectEf("0017");
        byte[] response = card.send("802A008033" + digestInfo() + "00");
        assertEquals(0x9000, sw(response));
        assertEquals(256, data(response).length);
        assertTrue(verifiesAsSha256WithRsa(data(response)));
        byte[] bySfi = card.send("802A009733" + digestInfo() + "00");
        assertArrayEquals(response, bySfi, "P2=97 equals P2=80 after SELECT 0017");
    }

    @Test
    void signKeyBySfiEqualsSelected() throws Exception {
        card.verifySignPassword();
        byte[] bySfi = card.send("802A009A33" + digestInfo() + "00");
        assertEquals(0x9000, sw(bySfi));
        card.selectEf("001A");
        assertArrayEquals(bySfi, card.send("802A008033" + digestInfo() + "00"));
        assertTrue(verifiesAsSha256WithRsa(data(bySfi)));
    }

    @Test
    void noPinIs6982AndAuthPinDoesNotUnlockSignKey() throws Exception {
        card.expect("802A009733" + digestInfo() + "00", 0x6982);
        card.verifyAuthPin();
        card.expect("802A009A33" + digestInfo() + "00", 0x6982);
        card.expect("802A009733" + digestInfo() + "00", 0x9000);
        card.selectJpki();
        card.expect("802A009733" + digestInfo() + "00", 0x6982);
        card.verifyAuthPin();
        card.simulator.reset();
        card.selectJpki();
        card.expect("802A009733" + digestInfo() + "00", 0x6982);
    }

    @Test
    void lockedPinCannotSign() throws Exception {
        card.verifyAuthPin();
        for (int i = 0; i < 3; i++) {
            card.send("0020009804" + TestCard.ascii("0000"));
        }
        card.expect("0020009804" + TestCard.ascii(TestCard.AUTH_PIN), 0x6984);
        card.expect("802A009733" + digestInfo() + "00", 0x6982);
    }

    @Test
    void schemesOneToFive() throws Exception {
        card.verifyAuthPin();
        String msg = HexFormat.of().formatHex(message);
        String lcMsg = String.format("%02X", message.length);
        String hash = HexFormat.of().formatHex(sha256(message));

        byte[] bare = data(card.send("802A0197" + lcMsg + msg + "00"));
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.DECRYPT_MODE, TestCard.KEY.getPublic());
        assertArrayEquals(sha256(message), rsa.doFinal(bare), "P1=01 pads the bare hash");

        assertTrue(verifiesAsSha256WithRsa(data(card.send("802A029720" + hash + "00"))), "P1=02");
        assertTrue(verifiesAsSha256WithRsa(data(card.send("802A0397" + lcMsg + msg + "00"))), "P1=03");

        Signature pss = Signature.getInstance("RSASSA-PSS");
        pss.setParameter(new PSSParameterSpec("SHA-256", "MGF1", MGF1ParameterSpec.SHA256, 32, 1));
        byte[] p5 = card.send("802A0597" + lcMsg + msg + "00");
        assertEquals(0x9000, sw(p5));
        pss.initVerify(TestCard.KEY.getPublic());
        pss.update(message);
        assertTrue(pss.verify(data(p5)), "P1=05");

        byte[] p4 = card.send("802A049720" + hash + "00");
        assertEquals(0x9000, sw(p4), "P1=04");
        pss.initVerify(TestCard.KEY.getPublic());
        pss.update(message);
        assertTrue(pss.verify(data(p4)), "P1=04");
    }

    @Test
    void errors() throws Exception {
        card.verifyAuthPin();
        card.expect("802A069733" + digestInfo() + "00", 0x6A86);
        card.expect("802AFF9733" + digestInfo() + "00", 0x6A86);
        card.expect("802A009933" + digestInfo() + "00", 0x6A82);
        card.expect("802A000033" + digestInfo() + "00", 0x6A86);
        card.expect("802A0297" + "1F" + "00".repeat(31) + "00", 0x6700);
        card.expect("802A0097" + "F6" + "00".repeat(246) + "00", 0x6700);
        card.selectJpki();
        card.verifyAuthPin();
        card.selectJpki();
        card.expect("802A008033" + digestInfo() + "00", 0x6986);
        card.selectEf("000A");
        card.expect("802A008033" + digestInfo() + "00", 0x6981);
        card.expect("002A008033" + digestInfo() + "00", 0x6D00);
    }

    @Test
    void singleUseOptionNeedsVerifyPerSignature() throws Exception {
        TestCard fresh = new TestCard();
        fresh.selectJpki();
        fresh.expect("80DC00050101", 0x9000);
        fresh.personalise(true);
        fresh.verifySignPassword();
        fresh.expect("802A009A33" + digestInfo() + "00", 0x9000);
        fresh.expect("802A009A33" + digestInfo() + "00", 0x6982);
        fresh.verifySignPassword();
        fresh.expect("802A009A33" + digestInfo() + "00", 0x9000);
        fresh.verifyAuthPin();
        fresh.expect("802A009733" + digestInfo() + "00", 0x9000);
        fresh.expect("802A009733" + digestInfo() + "00", 0x9000);
    }

    @Test
    void multipleSignaturesByDefault() throws Exception {
        card.verifySignPassword();
        card.expect("802A009A33" + digestInfo() + "00", 0x9000);
        card.expect("802A009A33" + digestInfo() + "00", 0x9000);
    }
}
