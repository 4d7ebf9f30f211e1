package dev.mynasim.world.kiosk;

import dev.mynasim.client.card.CardClient;
import dev.mynasim.client.card.CardResponse;
import dev.mynasim.model.KeyRef;
import dev.mynasim.model.Pin;
import dev.mynasim.client.card.ReadMethod;
import dev.mynasim.client.card.StatusWordException;
import dev.mynasim.world.relyingparty.LoginChallenge;
import dev.mynasim.world.relyingparty.PortalLoginVerifier;
import dev.mynasim.world.relyingparty.VerificationResult;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.Optional;

/**
 * The kiosk's side of user proof, the way a convenience-store kiosk does it: read the 利用者証明用
 * certificate, VERIFY the 4-digit PIN, have the card sign a fresh challenge with the user-proof key,
 * and let the relying-party code ({@link PortalLoginVerifier}: chain, signature, validity on the day,
 * revocation) decide. Each answer is turned into the kiosk's own message by {@link Kiosk}.
 */
final class Authentication {

    private static final int SW_FILE_NOT_FOUND = 0x6A82;

    /** What happened when the holder typed the PIN. */
    sealed interface PinOutcome {
        record WrongPin(int triesLeft) implements PinOutcome {
        }

        record Locked() implements PinOutcome {
        }

        record CardRefused(int sw) implements PinOutcome {
        }

        record Verified(VerificationResult result) implements PinOutcome {
        }
    }

    private final CardClient card;
    private final PortalLoginVerifier verifier;

    CardClient card() {
        return card;
    }

    Authentication(CardClient card, PortalLoginVerifier verifier) {
        this.card = card;
        this.verifier = verifier;
    }

    /** The user-proof certificate, or empty when the card has none (or is not a My Number Card). */
    Optional<X509Certificate> readUserProofCertificate() {
        try {
            return Optional.of(card.readCertificate(KeyRef.AUTH.certificateFid(), ReadMethod.FOUR_BYTE_HEADER));
        } catch (StatusWordException e) {
            if (e.sw() == SW_FILE_NOT_FOUND) {
                return Optional.empty();
            }
            throw e;
        }
    }

    /** Tries left on the user-proof PIN (an empty VERIFY, which spends none). */
    int triesLeft() {
        return card.triesLeft(Pin.AUTH);
    }

    PinOutcome authenticate(EnteredPin pin, X509Certificate certificate, LocalDate today) {
        LoginChallenge challenge = verifier.newChallenge();
        CardResponse verified = card.verify(Pin.AUTH, pin.reveal());
        int sw = verified.sw();
        if ((sw & 0xFFF0) == 0x63C0) {
            int left = sw & 0x0F;
            return left == 0 ? new PinOutcome.Locked() : new PinOutcome.WrongPin(left);
        }
        if (sw == 0x6983 || sw == 0x6984) {
            return new PinOutcome.Locked();
        }
        if (!verified.ok()) {
            return new PinOutcome.CardRefused(sw);
        }
        CardResponse signed = card.sign(KeyRef.AUTH, CardClient.sha256DigestInfo(challenge.bytes()));
        if (!signed.ok()) {
            return new PinOutcome.CardRefused(signed.sw());
        }
        return new PinOutcome.Verified(verifier.verify(challenge, signed.data(), certificate, today));
    }
}
