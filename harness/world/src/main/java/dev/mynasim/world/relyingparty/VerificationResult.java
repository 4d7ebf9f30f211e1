package dev.mynasim.world.relyingparty;

import dev.mynasim.world.issuer.RevocationReason;
import java.util.Objects;
import java.util.Optional;

/**
 * A relying party's decision.
 *
 * @param outcome     accepted, or why not
 * @param reason      the revocation reason for REVOKED (and certificateHold for SUSPENDED); empty otherwise
 * @param explanation one sentence for a report (certificate serials and dates, never PINs or personal data)
 */
public record VerificationResult(VerificationOutcome outcome, Optional<RevocationReason> reason, String explanation) {

    public VerificationResult {
        Objects.requireNonNull(outcome, "outcome");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(explanation, "explanation");
    }

    public static VerificationResult accepted(String explanation) {
        return new VerificationResult(VerificationOutcome.ACCEPTED, Optional.empty(), explanation);
    }

    public static VerificationResult rejected(VerificationOutcome outcome, String explanation) {
        if (outcome == VerificationOutcome.ACCEPTED) {
            throw new IllegalArgumentException("a rejection needs a reason other than ACCEPTED");
        }
        return new VerificationResult(outcome, Optional.empty(), explanation);
    }

    public static VerificationResult revoked(VerificationOutcome outcome, RevocationReason reason, String explanation) {
        return new VerificationResult(outcome, Optional.of(reason), explanation);
    }

    public boolean accepted() {
        return outcome == VerificationOutcome.ACCEPTED;
    }

    @Override
    public String toString() {
        return outcome + reason.map(r -> " (" + r + ")").orElse("") + ": " + explanation;
    }
}
