package dev.mynasim.world.relyingparty;

import dev.mynasim.fixtures.CardRules;
import dev.mynasim.world.issuer.RevocationReason;
import java.security.GeneralSecurityException;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Objects;

/**
 * What both relying parties check about the holder's certificate, in this order: issued by the
 * trusted root (else WRONG_CHAIN), valid on the day (NOT_YET_VALID, EXPIRED), not revoked (REVOKED
 * with the reason, SUSPENDED for certificateHold, REVOCATION_UNKNOWN when the status cannot be had).
 * The signature itself is the caller's job, between chain and validity.
 */
public final class CertificateCheck {

    private final X509Certificate trustedRoot;
    private final RevocationSource revocation;

    public CertificateCheck(X509Certificate trustedRoot, RevocationSource revocation) {
        this.trustedRoot = Objects.requireNonNull(trustedRoot, "trustedRoot");
        this.revocation = Objects.requireNonNull(revocation, "revocation");
    }

    /**
     * The moment a relying party checks at on a scenario day: noon JST, well inside the day whatever
     * the certificate's 00:00:00 / 23:59:59 JST bounds and the CRL's 00:00 JST thisUpdate.
     */
    public static Instant momentOn(LocalDate day) {
        return day.atTime(LocalTime.NOON).toInstant(CardRules.JST);
    }

    /** Null when the certificate chains to the trusted root, else the rejection. */
    public VerificationResult chain(X509Certificate certificate) {
        if (!trustedRoot.getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
            return VerificationResult.rejected(VerificationOutcome.WRONG_CHAIN, "certificate serial " + serial(certificate)
                    + " is issued by " + certificate.getIssuerX500Principal() + ", not by " + trustedRoot.getSubjectX500Principal());
        }
        try {
            certificate.verify(trustedRoot.getPublicKey());
        } catch (GeneralSecurityException e) {
            return VerificationResult.rejected(VerificationOutcome.WRONG_CHAIN, "certificate serial " + serial(certificate)
                    + " names the trusted root as issuer but is not signed by its key");
        }
        return null;
    }

    /** Null when the certificate is valid and not revoked on {@code day}, else the rejection. */
    public VerificationResult validityAndRevocation(X509Certificate certificate, LocalDate day) {
        Instant at = momentOn(day);
        if (at.isBefore(certificate.getNotBefore().toInstant())) {
            return VerificationResult.rejected(VerificationOutcome.NOT_YET_VALID, "certificate serial " + serial(certificate)
                    + " is valid from " + certificate.getNotBefore().toInstant() + ", checked on " + day);
        }
        if (at.isAfter(certificate.getNotAfter().toInstant())) {
            return VerificationResult.rejected(VerificationOutcome.EXPIRED, "certificate serial " + serial(certificate)
                    + " expired at " + certificate.getNotAfter().toInstant() + ", checked on " + day);
        }
        RevocationStatus status;
        try {
            status = revocation.statusOf(certificate, trustedRoot, at);
        } catch (RevocationCheckException e) {
            return VerificationResult.rejected(VerificationOutcome.REVOCATION_UNKNOWN, revocation.name() + ": " + e.getMessage());
        }
        return switch (status.kind()) {
            case GOOD -> null;
            case UNKNOWN -> VerificationResult.rejected(VerificationOutcome.REVOCATION_UNKNOWN,
                    revocation.name() + " does not know certificate serial " + serial(certificate));
            case REVOKED -> {
                RevocationReason reason = status.reason().orElseThrow();
                yield reason == RevocationReason.CERTIFICATE_HOLD
                        ? VerificationResult.revoked(VerificationOutcome.SUSPENDED, reason,
                                "certificate serial " + serial(certificate) + " is on hold (" + revocation.name() + ")")
                        : VerificationResult.revoked(VerificationOutcome.REVOKED, reason,
                                "certificate serial " + serial(certificate) + " is revoked: " + reason + " (" + revocation.name() + ")");
            }
        };
    }

    /** SHA256withRSA over {@code data} with the certificate's key. */
    static boolean signatureVerifies(byte[] data, byte[] signature, X509Certificate certificate) {
        try {
            Signature verifier = Signature.getInstance("SHA256withRSA");
            verifier.initVerify(certificate.getPublicKey());
            verifier.update(data);
            return verifier.verify(signature);
        } catch (GeneralSecurityException e) {
            // A malformed signature (wrong length, not RSA) is a bad signature, not an error of the verifier.
            return false;
        }
    }

    static String serial(X509Certificate certificate) {
        return certificate.getSerialNumber().toString(16);
    }
}
