package dev.mynasim.world.issuer;

import dev.mynasim.fixtures.Persona;

import dev.mynasim.fixtures.pki.TestPki;
import dev.mynasim.client.card.CardClient;
import dev.mynasim.client.card.CardResponse;
import dev.mynasim.model.KeyRef;
import dev.mynasim.client.card.StatusWordException;

import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.VirtualCards;
import dev.mynasim.simulator.issuer.KeyGeneratorSeeding;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.interfaces.RSAPublicKey;
import java.util.Optional;

/**
 * Generates N key pairs on one virtual card through the office's issuer channel (GENERATE
 * ASYMMETRIC KEY PAIR, alternately the auth and the sign key when the card has both), and after
 * each one signs with the new key (VERIFY, 80 2A) and verifies the signature on the host with the
 * modulus the card answered. Counts the pairs the card's consistency test rejected and made again,
 * the keys that signed correctly, bad signatures and refused generations (docs/on-card-keys.md).
 */
public final class KeyGenerationCheck {

    /** What one run saw. ok(): every key signed correctly and no generation was refused. */
    public record Result(int generated, int signedCorrectly, int badSignatures, int refused, int rejectedByCard, long millis) {
        public boolean ok() {
            return signedCorrectly == generated && badSignatures == 0 && refused == 0;
        }
    }

    private static final int PROGRESS_EVERY = 250;

    private final Persona persona;
    private final TestPki pki;
    private final Optional<Long> seed;
    private final PrintStream out;

    public KeyGenerationCheck(Persona persona, TestPki pki, Optional<Long> seed, PrintStream out) {
        this.persona = persona;
        this.pki = pki;
        this.seed = seed;
        this.out = out;
    }

    public Result run(int count) {
        KeyGeneratorSeeding seeding = seed.map(KeyGeneratorSeeding::reproducible).orElseGet(KeyGeneratorSeeding::fresh);
        VirtualCard card = VirtualCards.issue(persona, pki, CardProfile.CONTACT, Optional.empty(), seeding);
        CardClient client = new CardClient(card::transmit);
        TransportIssuerChannel office = TransportIssuerChannel.forCardOf(client, persona);
        long start = System.nanoTime();
        int signed = 0;
        int bad = 0;
        int refused = 0;
        for (int i = 0; i < count; i++) {
            KeyRef key = persona.hasSignCertificate() && i % 2 == 1 ? KeyRef.SIGN : KeyRef.AUTH;
            RSAPublicKey publicKey;
            try {
                publicKey = office.generateKeyPair(key == KeyRef.AUTH ? CertificatePurpose.AUTH : CertificatePurpose.SIGN);
            } catch (StatusWordException e) {
                refused++;
                out.println("keygen: pair " + (i + 1) + " refused: " + e.getMessage());
                continue;
            }
            if (signsCorrectly(client, key, publicKey, i)) {
                signed++;
            } else {
                bad++;
                out.println("keygen: pair " + (i + 1) + " (" + key + "): the signature does not verify with the answered modulus");
            }
            if ((i + 1) % PROGRESS_EVERY == 0 && i + 1 < count) {
                out.printf("keygen: %d of %d generated, %d rejected by the card so far%n", i + 1, count, card.rejectedKeyPairs());
            }
        }
        return new Result(count, signed, bad, refused, card.rejectedKeyPairs(), (System.nanoTime() - start) / 1_000_000);
    }

    private boolean signsCorrectly(CardClient client, KeyRef key, RSAPublicKey publicKey, int index) {
        String value = key == KeyRef.AUTH ? persona.pins().auth() : persona.pins().sign().orElseThrow();
        client.verify(key.pin(), value).require("VERIFY the " + key.pin().label());
        byte[] message = ("mynasim keygen pair " + index).getBytes(StandardCharsets.US_ASCII);
        CardResponse response = client.sign(key, CardClient.sha256DigestInfo(message));
        if (!response.ok()) {
            return false;
        }
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(publicKey);
            verifier.update(message);
            return verifier.verify(response.data());
        } catch (GeneralSecurityException e) {
            return false;
        }
    }

    /** The summary lines the command prints. */
    public static String summary(Result result, String personaId, Optional<Long> seed) {
        int made = result.generated() - result.refused() + result.rejectedByCard();
        return String.format("keygen: %d key pairs asked of %s's card (%s) in %.1f s%n"
                        + "keygen: signed correctly: %d, bad signatures: %d, refused (6400): %d%n"
                        + "keygen: pairs the card's consistency test rejected and made again: %d of %d made (%.2f %%)",
                result.generated(), personaId, seed.map(s -> "seed " + s).orElse("fresh seeds"), result.millis() / 1000.0,
                result.signedCorrectly(), result.badSignatures(), result.refused(),
                result.rejectedByCard(), made, made == 0 ? 0.0 : 100.0 * result.rejectedByCard() / made);
    }
}
