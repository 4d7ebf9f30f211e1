package dev.mynasim.world.relyingparty;

import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A login verifier in the style of Mynaportal: it hands out a random challenge, the card signs it
 * with the 利用者証明用 key after the user-proof PIN, and the portal checks the signature against the
 * 利用者証明用 certificate, which must chain to the auth root, be valid on the day and not be revoked.
 * Each challenge is good for one login attempt.
 */
public final class PortalLoginVerifier {

    static final int CHALLENGE_BYTES = 32;

    private final CertificateCheck check;
    private final SecureRandom random = new SecureRandom();
    private final List<LoginChallenge> outstanding = new ArrayList<>();

    /** @param authRoot the 利用者証明用 root the portal trusts */
    public PortalLoginVerifier(X509Certificate authRoot, RevocationSource revocation) {
        this.check = new CertificateCheck(authRoot, revocation);
    }

    public synchronized LoginChallenge newChallenge() {
        byte[] bytes = new byte[CHALLENGE_BYTES];
        random.nextBytes(bytes);
        LoginChallenge challenge = new LoginChallenge(bytes);
        outstanding.add(challenge);
        return challenge;
    }

    /** Verifies a login; the challenge is used up whatever the outcome. */
    public VerificationResult verify(LoginChallenge challenge, byte[] signature, X509Certificate authCertificate, LocalDate day) {
        synchronized (this) {
            if (!outstanding.remove(challenge)) {
                return VerificationResult.rejected(VerificationOutcome.BAD_SIGNATURE,
                        "the challenge was not issued by this portal or was already used");
            }
        }
        VerificationResult chain = check.chain(authCertificate);
        if (chain != null) {
            return chain;
        }
        if (!CertificateCheck.signatureVerifies(challenge.bytes(), signature, authCertificate)) {
            return VerificationResult.rejected(VerificationOutcome.BAD_SIGNATURE,
                    "the signed challenge does not verify with certificate serial " + CertificateCheck.serial(authCertificate));
        }
        VerificationResult status = check.validityAndRevocation(authCertificate, day);
        return status != null ? status : VerificationResult.accepted("login with certificate serial "
                + CertificateCheck.serial(authCertificate) + ", valid and not revoked on " + day);
    }
}
