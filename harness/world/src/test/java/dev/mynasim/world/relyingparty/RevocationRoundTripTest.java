package dev.mynasim.world.relyingparty;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mynasim.fixtures.pki.PersonaCredentials;
import dev.mynasim.world.issuer.TestCaExtension;
import java.net.http.HttpClient;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The cost of one revocation check over loopback (fetch and verify a CRL, or an OCSP round trip with
 * a fresh nonce, including the CA signing its answer), printed for docs/lifecycle.md. It asserts
 * every answer, so it is a test of repeated use too.
 */
class RevocationRoundTripTest {

    static final int WARM_UP = 50;
    static final int MEASURED = 200;

    static final LocalDate DAY = LocalDate.of(2026, 6, 1);

    @RegisterExtension
    final TestCaExtension testCa = TestCaExtension.withHanako().withRevocationServer(DAY);

    @ParameterizedTest
    @EnumSource(RevocationMethod.class)
    void roundTrip(RevocationMethod method) throws Exception {
        PersonaCredentials hanako = TestCaExtension.credentials("hanako");
        Instant at = CertificateCheck.momentOn(DAY);
        X509Certificate root = TestCaExtension.pki().authCaCertificate();
        RevocationSource source = method.sourceFor(testCa.ca(), testCa.server(), HttpClient.newHttpClient());
        long[] nanos = new long[MEASURED];
        for (int i = 0; i < WARM_UP + MEASURED; i++) {
            long start = System.nanoTime();
            RevocationStatus status = source.statusOf(hanako.authCertificate(), root, at);
            long took = System.nanoTime() - start;
            assertEquals(RevocationStatus.Kind.GOOD, status.kind());
            if (i >= WARM_UP) {
                nanos[i - WARM_UP] = took;
            }
        }
        Arrays.sort(nanos);
        System.out.printf("%s check over loopback: median %.2f ms, p99 %.2f ms (%d checks)%n", method,
                nanos[MEASURED / 2] / 1e6, nanos[MEASURED * 99 / 100] / 1e6, MEASURED);
    }
}
