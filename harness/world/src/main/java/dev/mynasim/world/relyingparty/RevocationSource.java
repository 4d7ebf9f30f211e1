package dev.mynasim.world.relyingparty;

import java.security.cert.X509Certificate;
import java.time.Instant;

/** Where a relying party learns whether a certificate is revoked: a CRL or an OCSP responder. */
public interface RevocationSource {

    /**
     * The status of {@code certificate} (issued by {@code issuer}) at {@code at}. The answer must be
     * signed by the issuer and current at {@code at}, or this throws.
     */
    RevocationStatus statusOf(X509Certificate certificate, X509Certificate issuer, Instant at) throws RevocationCheckException;

    /** "CRL" or "OCSP", for explanations. */
    String name();
}
