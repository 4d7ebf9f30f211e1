package dev.mynasim.applet;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.HexFormat;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/** The authenticated issuer channel and the office commands it opens (docs/personalisation.md). */
class IssuerChannelTest {

    private final TestCard card = TestCard.personalised();

    static String cmac(String keyHex, byte[] challenge) {
        CMac mac = new CMac(AESEngine.newInstance());
        mac.init(new KeyParameter(TestCard.hex(keyHex)));
        mac.update(challenge, 0, challenge.length);
        byte[] out = new byte[16];
        mac.doFinal(out, 0);
        return HexFormat.of().formatHex(out);
    }

    private void authenticate(String keyHex, int expectedSw) {
        byte[] challenge = TestCard.data(card.send("0084000010"));
        assertEquals(16, challenge.length);
        card.expect("0082008110" + cmac(keyHex, challenge), expectedSw);
    }

    private byte[] snapshot() {
        byte[] out = new byte[20000];
        MynaApplication applet = card.applet();
        short end = HostExport.exportPins(applet, out, (short) 0);
        end = HostExport.exportContents(applet, out, end);
        return Arrays.copyOf(out, end);
    }

    /** Every office command, without authentication: 6982 and the card is byte for byte the same. */
    @Test
    void withoutAuthenticationEveryOfficeCommandIsRefusedAndChangesNothing() {
        byte[] before = snapshot();
        card.selectEf("000A");
        card.expect("80D6000004DEADBEEF", 0x6982);
        card.expect("80E0010004000A0010", 0x6982);
        card.expect("002C029804" + TestCard.ascii("9999"), 0x6982);
        card.expect("002C0398", 0x6982);
        card.expect("0046009700", 0x6982);
        card.expect("80DB10001000000000000000000000000000000000", 0x6982);
        card.expect("80DA0018050F" + TestCard.ascii("9999"), 0x6982);
        // A wrong key does not open anything either.
        authenticate("FF0102030405060708090A0B0C0D0E0F", 0x6300);
        card.expect("002C029804" + TestCard.ascii("9999"), 0x6982);
        card.expect("0046009700", 0x6982);
        assertArrayEquals(before, snapshot());
    }

    @Test
    void externalAuthenticateNeedsAFreshChallengeOfSixteenBytes() {
        card.expect("0082008110" + "00".repeat(16), 0x6985);
        byte[] challenge = TestCard.data(card.send("0084000010"));
        card.expect("0082008110" + cmac(TestCard.ISSUER_KEY, challenge), 0x9000);
        // The challenge is used up: replaying the same cryptogram fails.
        card.expect("0082008110" + cmac(TestCard.ISSUER_KEY, challenge), 0x6985);
        byte[] shortChallenge = TestCard.data(card.send("0084000008"));
        card.expect("0082008110" + cmac(TestCard.ISSUER_KEY, Arrays.copyOf(shortChallenge, 16)), 0x6985);
        card.expect("0082008208" + "00".repeat(8), 0x6A86);
    }

    @Test
    void authenticationLastsUntilTheDfIsSelectedAgain() {
        authenticate(TestCard.ISSUER_KEY, 0x9000);
        card.expect("002C0398", 0x9000);
        card.selectJpki();
        card.expect("002C0398", 0x6982);
        authenticate(TestCard.ISSUER_KEY, 0x9000);
        card.simulator.reset();
        card.selectJpki();
        card.expect("002C0398", 0x6982);
    }

    @Test
    void resetRetryCounterUnblocksALockedPinWithANewValue() {
        card.selectEf("0018");
        for (int i = 0; i < 3; i++) {
            card.send("0020008004" + TestCard.ascii("0000"));
        }
        card.expect("00200080", 0x63C0);
        authenticate(TestCard.ISSUER_KEY, 0x9000);
        card.expect("002C029803" + TestCard.ascii("123"), 0x6A80);
        card.expect("002C029804" + TestCard.ascii("4321"), 0x9000);
        card.selectEf("0018");
        card.expect("00200080", 0x63C3);
        card.expect("0020008004" + TestCard.ascii(TestCard.AUTH_PIN), 0x63C2);
        card.expect("0020008004" + TestCard.ascii("4321"), 0x9000);
    }

    @Test
    void generateKeyPairReplacesTheKeyOnTheCardAndAnswersTheModulus() throws Exception {
        authenticate(TestCard.ISSUER_KEY, 0x9000);
        byte[] response = card.send("0046009700");
        assertEquals(0x9000, TestCard.sw(response));
        byte[] modulus = TestCard.data(response);
        assertEquals(256, modulus.length);
        BigInteger n = new BigInteger(1, modulus);
        assertFalse(n.equals(((java.security.interfaces.RSAPublicKey) TestCard.KEY.getPublic()).getModulus()));
        // The card now signs with the new key: raw PKCS#1 (P1=00) verifies with (n, 65537).
        card.selectJpki();
        card.verifyAuthPin();
        card.selectEf("0017");
        assertTrue(card.signatureVerifies(n, "11"));
    }

    @Test
    void aFileShrinksAndGrowsWithinItsCapacity() {
        card.selectJpki();
        authenticate(TestCard.ISSUER_KEY, 0x9000);
        // Creating (allocating) stays a personalisation command, even on the issuer channel.
        card.expect("80E0000006000C0010" + "0020", 0x6982);
        card.expect("80E0010004000A0004", 0x9000);
        card.selectEf("000A");
        assertEquals("3082" + String.format("%04X", TestCard.AUTH_CERT_SIZE - 4).toLowerCase(),
            HexFormat.of().formatHex(TestCard.data(card.send("00B0000000"))));
        card.expect("80E0010004000A" + String.format("%04X", TestCard.AUTH_CERT_SIZE + 1), 0x6A84);
        card.expect("80E0010004000A" + String.format("%04X", TestCard.AUTH_CERT_SIZE), 0x9000);
        card.expect("80D6000403CAFE01", 0x9000);
        card.expect("80E0010004000A0007", 0x9000);
        assertEquals("3082" + String.format("%04X", TestCard.AUTH_CERT_SIZE - 4).toLowerCase() + "cafe01",
            HexFormat.of().formatHex(TestCard.data(card.send("00B0000000"))));
    }
}
