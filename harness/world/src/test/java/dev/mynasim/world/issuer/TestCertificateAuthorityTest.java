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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class TestCertificateAuthorityTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);

    static final PersonaRepository personas = TestCaExtension.personas();
    static final TestPki pki = TestCaExtension.pki();
    static final PersonaCredentials hanako = TestCaExtension.credentials("hanako");

    @RegisterExtension
    final TestCaExtension testCa = TestCaExtension.withHanako();

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
        CertificateRecord record = testCa.ca().find(hanako.authCertificate()).orElseThrow();
        assertEquals(CertificateState.GOOD, record.state());
        assertEquals(CertificatePurpose.AUTH, record.purpose());
        assertEquals("hanako", record.personaId());
        assertEquals(LocalDate.of(2024, 6, 10), record.notBefore());
        assertEquals(LocalDate.of(2029, 4, 1), record.notAfter());
        assertEquals(2, testCa.ca().recordsOf("hanako").size());
    }

    @Test
    void aRevokedSignCertificateIsOnTheSignCrlWithItsReasonAndDay() throws Exception {
        testCa.ca().revoke(hanakoSign(), RevocationReason.AFFILIATION_CHANGED, LocalDate.of(2026, 5, 20));
        X509CRL crl = testCa.ca().publishCrl(CertificatePurpose.SIGN, TODAY);

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
        assertNull(testCa.ca().publishCrl(CertificatePurpose.AUTH, TODAY).getRevokedCertificates(),
                "the auth CRL stays empty when only the sign certificate is revoked");
    }

    @Test
    void aHoldIsListedAsCertificateHoldUntilReleased() throws Exception {
        testCa.ca().hold(hanako.authCertificate(), TODAY);
        X509CRL held = testCa.ca().publishCrl(CertificatePurpose.AUTH, TODAY);
        assertEquals(6, reasonCode(held.getRevokedCertificate(hanako.authCertificate().getSerialNumber())));

        testCa.ca().releaseHold(hanako.authCertificate(), TODAY.plusDays(3));
        assertEquals(CertificateState.GOOD, testCa.ca().find(hanako.authCertificate()).orElseThrow().state());
        assertNull(testCa.ca().publishCrl(CertificatePurpose.AUTH, TODAY.plusDays(3)).getRevokedCertificates());
    }

    @Test
    void aCertificateOnHoldCanStillBeRevoked() {
        testCa.ca().hold(hanakoSign(), TODAY);
        CertificateRecord revoked = testCa.ca().revoke(hanakoSign(), RevocationReason.KEY_COMPROMISE, TODAY.plusDays(1));
        assertEquals(CertificateState.REVOKED, revoked.state());
        assertEquals(RevocationReason.KEY_COMPROMISE, revoked.reason());
    }

    @Test
    void crlNumbersIncreasePerRoot() {
        BigInteger first = crlNumber(testCa.ca().publishCrl(CertificatePurpose.SIGN, TODAY));
        BigInteger second = crlNumber(testCa.ca().publishCrl(CertificatePurpose.SIGN, TODAY));
        assertEquals(first.add(BigInteger.ONE), second);
        assertEquals(BigInteger.ONE, crlNumber(testCa.ca().publishCrl(CertificatePurpose.AUTH, TODAY)));
    }

    @Test
    void aNewInstanceOnTheSameDirectorySeesEverything() throws Exception {
        testCa.ca().revoke(hanakoSign(), RevocationReason.AFFILIATION_CHANGED, TODAY);
        testCa.ca().hold(hanako.authCertificate(), TODAY);
        BigInteger lastNumber = crlNumber(testCa.ca().publishCrl(CertificatePurpose.SIGN, TODAY));

        TestCertificateAuthority restarted = TestCertificateAuthority.open(pki, testCa.stateDir());
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
        testCa.ca().revoke(hanakoSign(), RevocationReason.SUPERSEDED, TODAY);
        String json = Files.readString(testCa.ca().stateFile());
        assertTrue(json.contains("\"SUPERSEDED\""), json);
        assertTrue(json.contains("\"" + hanakoSign().getSerialNumber().toString(16) + "\""), json);
        assertTrue(json.contains("\"2026-06-01\""), "dates as ISO text: " + json);
        try (Stream<Path> files = Files.list(testCa.stateDir())) {
            // The state file and its lock file (an empty file the OS lock is taken on); no temporary file.
            assertEquals(List.of("." + CaStateFile.FILE_NAME + ".lock", CaStateFile.FILE_NAME),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void aCorruptStateFileIsRefusedWithItsPath() throws Exception {
        Files.writeString(testCa.ca().stateFile(), "{ not json");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TestCertificateAuthority.open(pki, testCa.stateDir()));
        assertTrue(e.getMessage().contains(CaStateFile.FILE_NAME), e.getMessage());
    }

    @Test
    void statusChangesThatMakeNoSenseAreRefused() {
        X509Certificate sign = hanakoSign();
        assertThrows(IllegalStateException.class, () -> testCa.ca().releaseHold(sign, TODAY), "not on hold");
        testCa.ca().revoke(sign, RevocationReason.CESSATION_OF_OPERATION, TODAY);
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> testCa.ca().revoke(sign, RevocationReason.KEY_COMPROMISE, TODAY));
        assertTrue(twice.getMessage().contains("already revoked"), twice.getMessage());
        assertThrows(IllegalStateException.class, () -> testCa.ca().hold(sign, TODAY), "a revoked certificate cannot go on hold");
        assertThrows(IllegalArgumentException.class,
                () -> testCa.ca().revoke(hanako.authCertificate(), RevocationReason.CERTIFICATE_HOLD, TODAY));
    }

    @Test
    void certificatesTheCaNeverIssuedAreRefused() throws Exception {
        IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class,
                () -> testCa.ca().revoke(CertificatePurpose.AUTH, BigInteger.valueOf(12345), RevocationReason.KEY_COMPROMISE, TODAY));
        assertTrue(unknown.getMessage().contains("3039"), unknown.getMessage());
        IllegalArgumentException foreign = assertThrows(IllegalArgumentException.class,
                () -> testCa.ca().registerIssued("hanako", pki.authCaCertificate()));
        assertTrue(foreign.getMessage().contains("is a CA certificate"), foreign.getMessage());
        IllegalArgumentException stranger = assertThrows(IllegalArgumentException.class,
                () -> testCa.ca().registerIssued("hanako", TestCertificateAuthorityTestSupport.selfSignedStranger()));
        assertTrue(stranger.getMessage().contains("not by the test auth or sign CA"), stranger.getMessage());
        assertThrows(IllegalArgumentException.class, () -> testCa.ca().registerIssued("ren", hanako.authCertificate()),
                "a certificate belongs to one persona");
    }

    @Test
    void issuedCredentialsFollowTheCardRulesFromTheIssueDayAndAreRegistered() {
        Persona hanakoPersona = personas.byId("hanako");
        LocalDate renewal = LocalDate.of(2029, 2, 1);
        PersonaCredentials renewed = testCa.ca().issueCredentials(hanakoPersona, renewal);
        assertEquals(CardRules.notBefore(renewal), renewed.authCertificate().getNotBefore().toInstant());
        assertEquals(CardRules.notAfter(LocalDate.of(2033, 4, 1)), renewed.authCertificate().getNotAfter().toInstant(),
                "the 5th birthday after 2029-02-01 is 2033-04-01, before the card's expiry 2034-04-01");
        assertTrue(renewed.signCertificate().isPresent());
        assertNotEquals(hanako.authCertificate().getPublicKey(), renewed.authCertificate().getPublicKey());
        assertEquals(CertificateState.GOOD, testCa.ca().find(renewed.authCertificate()).orElseThrow().state());
        assertEquals(4, testCa.ca().recordsOf("hanako").size());
    }

    @Test
    void noSignCertificateForAChild() {
        PersonaCredentials child = testCa.ca().issueCredentials(personas.byId("hikari"), LocalDate.of(2026, 1, 5));
        assertFalse(child.signCertificate().isPresent());
    }

    /** Issue 14 item 10: a hold released before it was placed, or a status change before issue, is refused. */
    @Test
    void statusChangesOutOfDateOrderAreRefused() {
        X509Certificate auth = hanako.authCertificate();
        IllegalArgumentException beforeIssue = assertThrows(IllegalArgumentException.class,
                () -> testCa.ca().hold(auth, LocalDate.of(1900, 1, 1)));
        assertTrue(beforeIssue.getMessage().contains("1900-01-01"), beforeIssue.getMessage());
        testCa.ca().hold(auth, TODAY);
        IllegalArgumentException beforeHold = assertThrows(IllegalArgumentException.class,
                () -> testCa.ca().releaseHold(auth, TODAY.minusDays(1)));
        assertTrue(beforeHold.getMessage().contains(TODAY.toString()), beforeHold.getMessage());
        assertEquals(CertificateState.ON_HOLD, testCa.ca().find(auth).orElseThrow().state(), "nothing changed");
        testCa.ca().releaseHold(auth, TODAY.plusDays(1));
    }

    /** Issue 14 item 12: a CRL that could not be delivered (ca crl --out to a bad place) uses up no CRL number. */
    @Test
    void aCrlThatCannotBeDeliveredUsesNoNumber() throws Exception {
        testCa.ca().publishCrl(CertificatePurpose.AUTH, TODAY);
        assertThrows(IllegalStateException.class, () -> testCa.ca().publishCrl(CertificatePurpose.AUTH, TODAY, crl -> {
            throw new IllegalStateException("disk full");
        }));
        X509CRL next = testCa.ca().publishCrl(CertificatePurpose.AUTH, TODAY);
        byte[] ext = next.getExtensionValue(Extension.cRLNumber.getId());
        assertEquals(BigInteger.TWO, ASN1Integer.getInstance(ASN1OctetString.getInstance(ext).getOctets()).getValue());
    }
}
