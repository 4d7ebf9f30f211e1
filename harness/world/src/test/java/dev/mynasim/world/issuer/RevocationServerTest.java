package dev.mynasim.world.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.CardRules;
import dev.mynasim.fixtures.pki.PersonaCredentials;
import dev.mynasim.fixtures.pki.TestPki;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.time.LocalDate;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class RevocationServerTest {

    static final TestPki pki = TestCaExtension.pki();
    static final PersonaCredentials hanako = TestCaExtension.credentials("hanako");

    @RegisterExtension
    final TestCaExtension testCa = TestCaExtension.withHanako().withRevocationServer(LocalDate.of(2026, 6, 1));
    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void listensOnLoopbackOnly() {
        assertEquals("127.0.0.1", testCa.server().ocspUri().getHost());
        assertTrue(testCa.server().ocspUri().getPort() > 0);
    }

    @Test
    void servesCrlsDatedByTheSuppliedDay() throws Exception {
        testCa.ca().hold(hanako.authCertificate(), LocalDate.of(2026, 6, 1));
        testCa.today(LocalDate.of(2026, 7, 15));
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(testCa.server().crlUri(CertificatePurpose.AUTH)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertEquals("application/pkix-crl", response.headers().firstValue("Content-Type").orElse(""));
        X509CRL crl = (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(response.body()));
        crl.verify(pki.authCaCertificate().getPublicKey());
        assertEquals(LocalDate.of(2026, 7, 15).atStartOfDay().toInstant(CardRules.JST), crl.getThisUpdate().toInstant());
        assertNotNull(crl.getRevokedCertificate(hanako.authCertificate().getSerialNumber()));
    }

    @Test
    void answersOcspPosts() throws Exception {
        testCa.ca().revoke(hanako.authCertificate(), RevocationReason.KEY_COMPROMISE, LocalDate.of(2026, 6, 1));
        byte[] request = OcspResponderTest.request(
                OcspResponderTest.idOf(pki.authCaCertificate(), hanako.authCertificate().getSerialNumber()), null);
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(testCa.server().ocspUri())
                        .header("Content-Type", "application/ocsp-request")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        BasicOCSPResp basic = (BasicOCSPResp) new OCSPResp(response.body()).getResponseObject();
        RevokedStatus status = assertInstanceOf(RevokedStatus.class, basic.getResponses()[0].getCertStatus());
        assertEquals(RevocationReason.KEY_COMPROMISE.code(), status.getRevocationReason());
    }

    @Test
    void wrongMethodsAndPathsGetAClearAnswer() throws Exception {
        URI base = testCa.server().ocspUri().resolve("/");
        assertEquals(405, http.send(HttpRequest.newBuilder(testCa.server().ocspUri()).build(), HttpResponse.BodyHandlers.ofString()).statusCode());
        HttpResponse<String> missing = http.send(HttpRequest.newBuilder(base.resolve("crl/other.crl")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(404, missing.statusCode());
        assertTrue(missing.body().contains("/crl/auth.crl"), missing.body());
    }
}
