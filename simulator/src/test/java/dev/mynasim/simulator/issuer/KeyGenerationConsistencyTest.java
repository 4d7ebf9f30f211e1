package dev.mynasim.simulator.issuer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.licel.jcardsim.crypto.ByteContainer;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.StatusWord;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.VirtualCards;
import dev.mynasim.simulator.state.CardState;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.RSAPublicKeySpec;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.BadPaddingException;
import javax.crypto.Cipher;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * GENERATE ASYMMETRIC KEY PAIR never hands out a broken pair (docs/on-card-keys.md). jCardSim 3.0.6.0
 * keeps a key component's old, longer array when a shorter value is written and reads the stale
 * tail back as part of the number; the applet's pairwise consistency test rejects such pairs and
 * makes them again.
 */
class KeyGenerationConsistencyTest {

    /**
     * Seeds the card's key generators so that its second generation of the auth key is one of the
     * bad pairs (found by trying seeds 0..39 with {@code mynasim keygen}; 16 and 36 do it).
     */
    private static final long SEED_WITH_A_BAD_PAIR = 16;
    private static final int GENERATIONS = 4;

    @BeforeAll
    static void load() {
        OnCardKeyTest.load();
    }

    @Test
    void jcardsimReadsAShorterComponentWithTheStaleTailOfTheLongerOne() {
        ByteContainer component = new ByteContainer();
        byte[] longer = new byte[128];
        Arrays.fill(longer, (byte) 0x11);
        component.setBytes(longer);
        byte[] shorter = new byte[127];
        Arrays.fill(shorter, (byte) 0x22);
        component.setBytes(shorter);
        byte[] out = new byte[128];
        assertEquals(127, component.getBytes(out, (short) 0), "the length is right");
        BigInteger written = new BigInteger(1, shorter);
        BigInteger stale = written.shiftLeft(8).or(BigInteger.valueOf(0x11));
        assertEquals(stale, component.getBigInteger(),
                "jCardSim 3.0.6.0 computes with the whole old array: the written value times 256 plus the stale byte "
                        + "(if this fails, jCardSim was fixed: docs/on-card-keys.md can say so)");
    }

    @Test
    void aSeedKnownToGiveABadPairGetsItRejectedAndEveryKeySigns() throws GeneralSecurityException {
        VirtualCard card = VirtualCards.issue(OnCardKeyTest.hanako, OnCardKeyTest.pki, CardProfile.CONTACT,
                Optional.empty(), KeyGeneratorSeeding.reproducible(SEED_WITH_A_BAD_PAIR));
        OnCardKeyTest.authenticateJpki(card);
        BigInteger previous = null;
        for (int generation = 1; generation <= GENERATIONS; generation++) {
            BigInteger modulus = OnCardKeyTest.generateAuthKey(card);
            assertNotEquals(previous, modulus, "generation " + generation + " made a new key");
            assertSignsWith(card, modulus, "generation " + generation);
            assertEquals(modulus, savedAuthKeyModulus(card), "the saved state holds the key the card answered");
            previous = modulus;
        }
        assertTrue(card.rejectedKeyPairs() >= 1,
                "the seed gives at least one bad pair, which the card rejected and made again; rejected: "
                        + card.rejectedKeyPairs());
    }

    /** Seeds the card's generators so that its first auth key has a CRT coefficient shorter than 128 bytes. */
    private static final long SEED_WITH_A_SHORT_COMPONENT = 113;

    @Test
    void aGeneratedKeyWithAShortComponentIsSavedAndRestoredAsTheSameCard() throws GeneralSecurityException {
        VirtualCard card = VirtualCards.issue(OnCardKeyTest.hanako, OnCardKeyTest.pki, CardProfile.CONTACT,
                Optional.empty(), KeyGeneratorSeeding.reproducible(SEED_WITH_A_SHORT_COMPONENT));
        OnCardKeyTest.authenticateJpki(card);
        BigInteger modulus = OnCardKeyTest.generateAuthKey(card);
        byte[] state = card.exportState();
        ApplicationImage.KeyImage key = CardState.decode(state).keys(HexFormat.of().parseHex("D392F000260100000001"))
                .stream().filter(k -> k.fid() == 0x0017).findFirst().orElseThrow();
        assertEquals(128, key.qInv().length, "exported at 128 bytes");
        assertEquals(0, key.qInv()[0], "the seed gives a coefficient below 2^1016 (else pick another seed)");
        VirtualCard restored = VirtualCards.issue(OnCardKeyTest.hanako, OnCardKeyTest.pki, CardProfile.CONTACT, Optional.of(state));
        assertArrayEquals(state, restored.exportState(), "the restored card exports the state it was restored from");
        assertEquals(0x9000, StatusWord.of(OnCardKeyTest.send(restored, "00A4040C0AD392F000260100000001")), "SELECT JPKI");
        assertSignsWith(restored, modulus, "the restored key");
    }

    /** VERIFY the auth PIN, then 80 2A with the auth key: the signature opens with the answered modulus. */
    private static void assertSignsWith(VirtualCard card, BigInteger modulus, String what) throws GeneralSecurityException {
        String pin = HexFormat.of().formatHex(OnCardKeyTest.hanako.pins().auth().getBytes(StandardCharsets.US_ASCII));
        assertEquals(0x9000, StatusWord.of(OnCardKeyTest.send(card, "0020009804" + pin)), "VERIFY");
        byte[] digestInfo = HexFormat.of().parseHex("3031300d060960864801650304020105000420"
                + "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        byte[] response = OnCardKeyTest.send(card, "802A0097" + String.format("%02X", digestInfo.length)
                + HexFormat.of().formatHex(digestInfo) + "00");
        assertEquals(0x9000, StatusWord.of(response), what + ": 80 2A");
        PublicKey publicKey = KeyFactory.getInstance("RSA")
                .generatePublic(new RSAPublicKeySpec(modulus, BigInteger.valueOf(65537)));
        Cipher rsa = Cipher.getInstance("RSA/ECB/PKCS1Padding");
        rsa.init(Cipher.DECRYPT_MODE, publicKey);
        byte[] recovered;
        try {
            recovered = rsa.doFinal(Arrays.copyOf(response, 256));
        } catch (BadPaddingException e) {
            throw new AssertionError(what + ": the signature does not verify with the modulus the card answered", e);
        }
        assertArrayEquals(digestInfo, recovered, what + ": the signature verifies");
    }

    private static BigInteger savedAuthKeyModulus(VirtualCard card) {
        ApplicationImage.KeyImage key = CardState.decode(card.exportState())
                .keys(HexFormat.of().parseHex("D392F000260100000001")).stream()
                .filter(k -> k.fid() == 0x0017).findFirst().orElseThrow();
        return new BigInteger(1, key.p()).multiply(new BigInteger(1, key.q()));
    }
}
