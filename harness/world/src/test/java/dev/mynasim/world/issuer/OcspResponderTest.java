package dev.mynasim.world.issuer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.pki.PersonaCredentials;
import dev.mynasim.fixtures.pki.TestPki;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class OcspResponderTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final TestPki pki = TestCaExtension.pki();
    static final PersonaCredentials hanako = TestCaExtension.credentials("hanako");

    @RegisterExtension
    final TestCaExtension testCa = TestCaExtension.withHanako();

    static CertificateID idOf(X509Certificate issuer, BigInteger serial) throws Exception {
        return new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                new JcaX509CertificateHolder(issuer), serial);
    }

    /** An OCSP request; a nonce goes in as RFC 8954 has it: an OCTET STRING inside the extension's value. */
    static byte[] request(CertificateID id, byte[] nonce) throws Exception {
        OCSPReqBuilder b = new OCSPReqBuilder().addRequest(id);
        if (nonce != null) {
            b.setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                    new DEROctetString(new DEROctetString(nonce).getEncoded()))));
        }
        return b.build().getEncoded();
    }

    BasicOCSPResp ask(X509Certificate issuer, BigInteger serial, byte[] nonce) throws Exception {
        OCSPResp response = new OCSPResp(testCa.ca().answerOcsp(request(idOf(issuer, serial), nonce), TODAY));
        assertEquals(OCSPRespBuilder.SUCCESSFUL, response.getStatus());
        BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
        assertTrue(basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey())),
                "the answer is signed by the root that issued the certificate");
        return basic;
    }

    @Test
    void aGoodCertificateIsGoodAndTheNonceIsEchoed() throws Exception {
        byte[] nonce = "nonce-0001".getBytes(StandardCharsets.US_ASCII);
        BasicOCSPResp basic = ask(pki.authCaCertificate(), hanako.authCertificate().getSerialNumber(), nonce);
        SingleResp single = basic.getResponses()[0];
        assertNull(single.getCertStatus(), "good");
        assertEquals(TestCertificateAuthority.startOfDay(TODAY), single.getThisUpdate().toInstant());
        assertEquals(TestCertificateAuthority.startOfDay(TODAY.plusDays(1)), single.getNextUpdate().toInstant());
        assertArrayEquals(nonce, DEROctetString.getInstance(
                basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce).getParsedValue()).getOctets());
    }

    @Test
    void aRevokedCertificateCarriesItsReasonAndDay() throws Exception {
        X509Certificate sign = hanako.signCertificate().orElseThrow();
        testCa.ca().revoke(sign, RevocationReason.AFFILIATION_CHANGED, TODAY.minusDays(2));
        RevokedStatus status = assertInstanceOf(RevokedStatus.class,
                ask(pki.signCaCertificate(), sign.getSerialNumber(), null).getResponses()[0].getCertStatus());
        assertEquals(RevocationReason.AFFILIATION_CHANGED.code(), status.getRevocationReason());
        assertEquals(TestCertificateAuthority.startOfDay(TODAY.minusDays(2)), status.getRevocationTime().toInstant());
    }

    @Test
    void aHoldIsRevokedWithCertificateHoldAndGoodAgainAfterRelease() throws Exception {
        testCa.ca().hold(hanako.authCertificate(), TODAY);
        RevokedStatus held = assertInstanceOf(RevokedStatus.class,
                ask(pki.authCaCertificate(), hanako.authCertificate().getSerialNumber(), null).getResponses()[0].getCertStatus());
        assertEquals(RevocationReason.CERTIFICATE_HOLD.code(), held.getRevocationReason());
        testCa.ca().releaseHold(hanako.authCertificate(), TODAY);
        assertNull(ask(pki.authCaCertificate(), hanako.authCertificate().getSerialNumber(), null).getResponses()[0].getCertStatus());
    }

    @Test
    void aSerialTheCaNeverIssuedIsUnknown() throws Exception {
        assertInstanceOf(UnknownStatus.class,
                ask(pki.signCaCertificate(), BigInteger.valueOf(777), null).getResponses()[0].getCertStatus());
    }

    @Test
    void anIssuerTheCaDoesNotRunIsUnauthorized() throws Exception {
        X509Certificate stranger = TestCertificateAuthorityTestSupport.selfSignedStranger();
        OCSPResp response = new OCSPResp(testCa.ca().answerOcsp(request(idOf(stranger, BigInteger.TEN), null), TODAY));
        assertEquals(OCSPRespBuilder.UNAUTHORIZED, response.getStatus());
    }

    @Test
    void garbageIsAMalformedRequest() throws Exception {
        OCSPResp response = new OCSPResp(testCa.ca().answerOcsp(new byte[] {1, 2, 3}, TODAY));
        assertEquals(OCSPRespBuilder.MALFORMED_REQUEST, response.getStatus());
    }
}
