package dev.mynasim.world.relyingparty;

import dev.mynasim.world.issuer.CertificatePurpose;
import dev.mynasim.world.issuer.RevocationServer;
import dev.mynasim.world.issuer.TestCertificateAuthority;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.Map;

/** How a relying party checks revocation against the test CA's server. */
public enum RevocationMethod {
    CRL,
    OCSP;

    /** Long enough for a loaded build machine, short enough that a dead server fails a scenario quickly. */
    public static final Duration TIMEOUT = Duration.ofSeconds(10);

    /** A source asking {@code server} (which serves {@code ca}) this way. */
    public RevocationSource sourceFor(TestCertificateAuthority ca, RevocationServer server, HttpClient http) {
        return switch (this) {
            case CRL -> new CrlRevocationSource(http, Map.of(
                    ca.caCertificate(CertificatePurpose.AUTH).getSubjectX500Principal(), server.crlUri(CertificatePurpose.AUTH),
                    ca.caCertificate(CertificatePurpose.SIGN).getSubjectX500Principal(), server.crlUri(CertificatePurpose.SIGN)),
                    TIMEOUT);
            case OCSP -> new OcspRevocationSource(http, server.ocspUri(), TIMEOUT);
        };
    }
}
