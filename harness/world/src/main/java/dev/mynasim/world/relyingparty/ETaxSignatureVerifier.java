package dev.mynasim.world.relyingparty;

import java.security.cert.X509Certificate;
import java.time.LocalDate;

/**
 * A signature verifier in the style of e-Tax: a filed document with a SHA256withRSA signature made
 * with the holder's 署名用 key and the 署名用 certificate, which must chain to the sign root, be valid
 * on the filing day and not be revoked.
 */
public final class ETaxSignatureVerifier {

    private final CertificateCheck check;

    /** @param signRoot the 署名用 root the tax office trusts */
    public ETaxSignatureVerifier(X509Certificate signRoot, RevocationSource revocation) {
        this.check = new CertificateCheck(signRoot, revocation);
    }

    public VerificationResult verify(byte[] document, byte[] signature, X509Certificate signCertificate, LocalDate filingDay) {
        VerificationResult chain = check.chain(signCertificate);
        if (chain != null) {
            return chain;
        }
        if (!CertificateCheck.signatureVerifies(document, signature, signCertificate)) {
            return VerificationResult.rejected(VerificationOutcome.BAD_SIGNATURE,
                    "the signature over the return does not verify with certificate serial " + CertificateCheck.serial(signCertificate));
        }
        VerificationResult status = check.validityAndRevocation(signCertificate, filingDay);
        return status != null ? status : VerificationResult.accepted("return signed with certificate serial "
                + CertificateCheck.serial(signCertificate) + ", valid and not revoked on " + filingDay);
    }
}
