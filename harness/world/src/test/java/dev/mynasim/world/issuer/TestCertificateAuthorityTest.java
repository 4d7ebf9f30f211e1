package dev.mynasim.world.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.CardRules;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.PersonaRepository;
import dev.mynasim.fixtures.pki.PersonaCredentials;
import dev.mynasim.fixtures.pki.TestPki;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SignatureException;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.bouncycastle.asn1.ASN1Enumerated;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.x509.Extension;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TestCertificateAuthorityTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    static PersonaRepository personas;
    static TestPki pki;
    static PersonaCredentials hanako;

    @TempDir
    Path stateDir;
    TestCertificateAuthority ca;

    @BeforeAll
    static void loadPki() {
        personas = PersonaRepository.load();
        pki = TestPki.load(personas);
        hanako = pki.credentials("hanako");
    }

    @BeforeEach
    void openCa() {
        ca = TestCertificateAuthority.open(pki, stateDir);
        ca.registerIssued(hanako);
    }

    X509Certificate hanakoSign() {
        return hanako.signCertificate().orElseThrow();
    }

    static int reasonCode(X509CRLEntry entry) throws Exception {
        byte[] ext = entry.getExtensionValue(Extension.reasonCode.getId());
        return ASN1Enumerated.getInstance(ASN1OctetString.getInstance(ext).getOctets()).intValueExact();
    }

    static BigInteger crlNumber(X509CRL crl) {
        byte[] ext = crl.getExtensionValue(Extension.cRLNumber.getId());
        return ASN1Integer.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getValue();
    }

    @Test
    void registeredCertificatesAreGood() {
        CertificateRecord record = ca.find(hanako.authCertificate()).orElseThrow();
        assertEquals(CertificateState.GOOD, record.state());
        assertEquals(CertificatePurpose.AUTH, record.purpose());
        assertEquals("hanako", record.personaId());
        assertEquals(LocalDate.of(2024, 6, 10), record.notBefore());
        assertEquals(LocalDate.of(2029, 4, 1), record.notAfter());
        assertEquals(2, ca.recordsOf("hanako").size());
    }

    @Test
    void aRevokedSignCertificateIsOnTheSignCrlWithItsReasonAndDay() throws Exception {
        ca.revoke(hanakoSign(), RevocationReason.AFFILIATION_CHANGED, LocalDate.of(2026, 5, 20));
        X509CRL crl = ca.publishCrl(CertificatePurpose.SIGN, TODAY);

        crl.verify(pki.signCaCertificate().getPublicKey());
        assertThrows(SignatureException.class, () -> crl.verify(pki.authCaCertificate().getPublicKey()),
                "a sign CRL is signed by the sign root, not the auth root");
        assertEquals(pki.signCaCertificate().getSubjectX500Principal(), crl.getIssuerX500Principal());
        X509CRLEntry entry = crl.getRevokedCertificate(hanakoSign().getSerialNumber());
        assertEquals(3, reasonCode(entry), "affiliationChanged");
        assertEquals(CardRules.notBefore(LocalDate.of(2026, 5, 20)), entry.getRevocationDate().toInstant());
        assertEquals(LocalDate.of(2026, 6, 1).atStartOfDay().toInstant(CardRules.JST), crl.getThisUpdate().toInstant());
        assertEquals(LocalDate.of(2026, 6, 2).atStartOfDay().toInstant(CardRules.JST), crl.getNextUpdate().toInstant());
        assertNull(crl.getRevokedCertificate(hanako.authCertificate().getSerialNumber()));
        assertNull(ca.publishCrl(CertificatePurpose.AUTH, TODAY).getRevokedCertificates(),
                "the auth CRL stays empty when only the sign certificate is revoked");
    }

    @Test
    void aHoldIsListedAsCertificateHoldUntilReleased() throws Exception {
        ca.hold(hanako.authCertificate(), TODAY);
        X509CRL held = ca.publishCrl(CertificatePurpose.AUTH, TODAY);
        assertEquals(6, reasonCode(held.getRevokedCertificate(hanako.authCertificate().getSerialNumber())));

        ca.releaseHold(hanako.authCertificate(), TODAY.plusDays(3));
        assertEquals(CertificateState.GOOD, ca.find(hanako.authCertificate()).orElseThrow().state());
        assertNull(ca.publishCrl(CertificatePurpose.AUTH, TODAY.plusDays(3)).getRevokedCertificates());
    }

    @Test
    void aCertificateOnHoldCanStillBeRevoked() {
        ca.hold(hanakoSign(), TODAY);
        CertificateRecord revoked = ca.revoke(hanakoSign(), RevocationReason.KEY_COMPROMISE, TODAY.plusDays(1));
        assertEquals(CertificateState.REVOKED, revoked.state());
        assertEquals(RevocationReason.KEY_COMPROMISE, revoked.reason());
    }

    @Test
    void crlNumbersIncreasePerRoot() {
        BigInteger first = crlNumber(ca.publishCrl(CertificatePurpose.SIGN, TODAY));
        BigInteger second = crlNumber(ca.publishCrl(CertificatePurpose.SIGN, TODAY));
        assertEquals(first.add(BigInteger.ONE), second);
        assertEquals(BigInteger.ONE, crlNumber(ca.publishCrl(CertificatePurpose.AUTH, TODAY)));
    }

    @Test
    void aNewInstanceOnTheSameDirectorySeesEverything() throws Exception {
        ca.revoke(hanakoSign(), RevocationReason.AFFILIATION_CHANGED, TODAY);
        ca.hold(hanako.authCertificate(), TODAY);
        BigInteger lastNumber = crlNumber(ca.publishCrl(CertificatePurpose.SIGN, TODAY));

        TestCertificateAuthority restarted = TestCertificateAuthority.open(pki, stateDir);
        CertificateRecord sign = restarted.find(hanakoSign()).orElseThrow();
        assertEquals(CertificateState.REVOKED, sign.state());
        assertEquals(RevocationReason.AFFILIATION_CHANGED, sign.reason());
        assertEquals(TODAY, sign.stateSince());
        assertEquals(CertificateState.ON_HOLD, restarted.find(hanako.authCertificate()).orElseThrow().state());
        assertEquals(lastNumber.add(BigInteger.ONE), crlNumber(restarted.publishCrl(CertificatePurpose.SIGN, TODAY)));
        X509CRL crl = restarted.publishCrl(CertificatePurpose.SIGN, TODAY);
        assertEquals(3, reasonCode(crl.getRevokedCertificate(hanakoSign().getSerialNumber())));
    }

    @Test
    void theStateFileIsJsonAndNoTemporaryFileIsLeft() throws Exception {
        ca.revoke(hanakoSign(), RevocationReason.SUPERSEDED, TODAY);
        String json = Files.readString(ca.stateFile());
        assertTrue(json.contains("\"SUPERSEDED\""), json);
        assertTrue(json.contains("\"" + hanakoSign().getSerialNumber().toString(16) + "\""), json);
        assertTrue(json.contains("\"2026-06-01\""), "dates as ISO text: " + json);
        try (Stream<Path> files = Files.list(stateDir)) {
            assertEquals(List.of(CaStateFile.FILE_NAME), files.map(p -> p.getFileName().toString()).toList());
        }
    }

    @Test
    void aCorruptStateFileIsRefusedWithItsPath() throws Exception {
        Files.writeString(ca.stateFile(), "{ not json");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestCertificateAuthority.open(pki, stateDir));
        assertTrue(e.getMessage().contains(CaStateFile.FILE_NAME), e.getMessage());
    }

    @Test
    void statusChangesThatMakeNoSenseAreRefused() {
        X509Certificate sign = hanakoSign();
        assertThrows(IllegalStateException.class, () -> ca.releaseHold(sign, TODAY), "not on hold");
        ca.revoke(sign, RevocationReason.CESSATION_OF_OPERATION, TODAY);
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> ca.revoke(sign, RevocationReason.KEY_COMPROMISE, TODAY));
        assertTrue(twice.getMessage().contains("already revoked"), twice.getMessage());
        assertThrows(IllegalStateException.class, () -> ca.hold(sign, TODAY), "a revoked certificate cannot go on hold");
        assertThrows(IllegalArgumentException.class,
                () -> ca.revoke(hanako.authCertificate(), RevocationReason.CERTIFICATE_HOLD, TODAY));
    }

    @Test
    void certificatesTheCaNeverIssuedAreRefused() throws Exception {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> ca.revoke(CertificatePurpose.AUTH, BigInteger.valueOf(12345), RevocationReason.KEY_COMPROMISE, TODAY));
        assertTrue(unknown.getMessage().contains("3039"), unknown.getMessage());
        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                () -> ca.registerIssued("hanako", pki.authCaCertificate()));
        assertTrue(foreign.getMessage().contains("is a CA certificate"), foreign.getMessage());
        IllegalArgumentException stranger = assertThrows(IllegalArgumentException.class,
                () -> ca.registerIssued("hanako", TestCertificateAuthorityTestSupport.selfSignedStranger()));
        assertTrue(stranger.getMessage().contains("not by the test auth or sign CA"), stranger.getMessage());
        assertThrows(IllegalArgumentException.class, () -> ca.registerIssued("ren", hanako.authCertificate()),
                "a certificate belongs to one persona");
    }

    @Test
    void issuedCredentialsFollowTheCardRulesFromTheIssueDayAndAreRegistered() {
        Persona hanakoPersona = personas.byId("hanako");
        LocalDate renewal = LocalDate.of(2029, 2, 1);
        PersonaCredentials renewed = ca.issueCredentials(hanakoPersona, renewal);
        assertEquals(CardRules.notBefore(renewal), renewed.authCertificate().getNotBefore().toInstant());
        assertEquals(CardRules.notAfter(LocalDate.of(2033, 4, 1)), renewed.authCertificate().getNotAfter().toInstant(),
                "the 5th birthday after 2029-02-01 is 2033-04-01, before the card's expiry 2034-04-01");
        assertTrue(renewed.signCertificate().isPresent());
        assertNotEquals(hanako.authCertificate().getPublicKey(), renewed.authCertificate().getPublicKey());
        assertEquals(CertificateState.GOOD, ca.find(renewed.authCertificate()).orElseThrow().state());
        assertEquals(4, ca.recordsOf("hanako").size());
    }

    @Test
    void noSignCertificateForAChild() {
        PersonaCredentials child = ca.issueCredentials(personas.byId("hikari"), LocalDate.of(2026, 1, 5));
        assertFalse(child.signCertificate().isPresent());
    }
}
