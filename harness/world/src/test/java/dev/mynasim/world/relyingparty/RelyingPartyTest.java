package dev.mynasim.world.relyingparty;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.world.issuer.CertificatePurpose;
import dev.mynasim.world.issuer.RevocationReason;
import dev.mynasim.world.issuer.RevocationServer;
import dev.mynasim.world.issuer.TestCaExtension;
import dev.mynasim.world.issuer.TestCertificateAuthority;
import dev.mynasim.fixtures.pki.PersonaCredentials;
import dev.mynasim.fixtures.pki.TestPki;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Every outcome of both relying parties, each through CRL and through OCSP, against the test CA on
 * loopback. The keys sign in software here (the committed persona keys); the scenarios in
 * features/revocation.feature sign on the card.
 */
class RelyingPartyTest {

    /** hanako: certificates valid 2024-06-10 to 2029-04-01. */
    static final LocalDate VALID_DAY = LocalDate.of(2026, 6, 1);
    static final byte[] RETURN = "e-Tax return 2026, income 1,000,000 yen".getBytes(StandardCharsets.UTF_8);

    static final TestPki pki = TestCaExtension.pki();
    static final PersonaCredentials hanako = TestCaExtension.credentials("hanako");
    static final PersonaCredentials ren = TestCaExtension.credentials("ren");

    @RegisterExtension
    final TestCaExtension testCa = TestCaExtension.withHanako().withRevocationServer(VALID_DAY);
    final HttpClient http = HttpClient.newHttpClient();

    ETaxSignatureVerifier eTax(RevocationMethod method) {
        return new ETaxSignatureVerifier(pki.signCaCertificate(), method.sourceFor(testCa.ca(), testCa.server(), http));
    }

    PortalLoginVerifier portal(RevocationMethod method) {
        return new PortalLoginVerifier(pki.authCaCertificate(), method.sourceFor(testCa.ca(), testCa.server(), http));
    }

    static byte[] sign(PrivateKey key, byte[] data) throws Exception {
        Signature s = Signature.getInstance("SHA256withRSA");
        s.initSign(key);
        s.update(data);
        return s.sign();
    }

    VerificationResult file(RevocationMethod method, PersonaCredentials who, LocalDate day) throws Exception {
        testCa.today(day);
        return eTax(method).verify(RETURN, sign(who.signKey().orElseThrow(), RETURN), who.signCertificate().orElseThrow(), day);
    }

    VerificationResult logIn(RevocationMethod method, PersonaCredentials who, LocalDate day) throws Exception {
        testCa.today(day);
        PortalLoginVerifier portal = portal(method);
        LoginChallenge challenge = portal.newChallenge();
        return portal.verify(challenge, sign(who.authKey(), challenge.bytes()), who.authCertificate(), day);
    }

    static void assertOutcome(VerificationOutcome expected, Optional<RevocationReason> reason, VerificationResult actual) {
        assertEquals(expected, actual.outcome(), actual.toString());
        assertEquals(reason, actual.reason(), actual.toString());
    }

    @ParameterizedTest
    @EnumSource(RevocationMethod.class)
    void aGoodSignatureAndLoginAreAccepted(RevocationMethod method) throws Exception {
        assertOutcome(VerificationOutcome.ACCEPTED, Optional.empty(), file(method, hanako, VALID_DAY));
        assertOutcome(VerificationOutcome.ACCEPTED, Optional.empty(), logIn(method, hanako, VALID_DAY));
    }

    @ParameterizedTest
    @EnumSource(RevocationMethod.class)
    void afterTheLastDayTheCertificateHasExpired(RevocationMethod method) throws Exception {
        assertOutcome(VerificationOutcome.ACCEPTED, Optional.empty(), file(method, hanako, LocalDate.of(2029, 4, 1)));
        assertOutcome(VerificationOutcome.EXPIRED, Optional.empty(), file(method, hanako, LocalDate.of(2029, 4, 2)));
        assertOutcome(VerificationOutcome.EXPIRED, Optional.empty(), logIn(method, hanako, LocalDate.of(2029, 4, 2)));
    }

    @ParameterizedTest
    @EnumSource(RevocationMethod.class)
    void beforeTheIssueDayTheCertificateIsNotYetValid(RevocationMethod method) throws Exception {
        assertOutcome(VerificationOutcome.NOT_YET_VALID, Optional.empty(), file(method, hanako, LocalDate.of(2024, 6, 9)));
        assertOutcome(VerificationOutcome.NOT_YET_VALID, Optional.empty(), logIn(method, hanako, LocalDate.of(2024, 6, 9)));
        assertOutcome(VerificationOutcome.ACCEPTED, Optional.empty(), logIn(method, hanako, LocalDate.of(2024, 6, 10)));
    }

    @ParameterizedTest
    @EnumSource(RevocationMethod.class)
    void aRevokedCertificateIsRejectedWithItsReason(RevocationMethod method) throws Exception {
        testCa.ca().revoke(hanako.signCertificate().orElseThrow(), RevocationReason.AFFILIATION_CHANGED, VALID_DAY);
        assertOutcome(VerificationOutcome.REVOKED, Optional.of(RevocationReason.AFFILIATION_CHANGED), file(method, hanako, VALID_DAY));
        assertOutcome(VerificationOutcome.ACCEPTED, Optional.empty(), logIn(method, hanako, VALID_DAY));
    }

    @ParameterizedTest
    @EnumSource(RevocationMethod.class)
    void aCertificateOnHoldIsSuspendedUntilReleased(RevocationMethod method) throws Exception {
        testCa.ca().hold(hanako.authCertificate(), VALID_DAY);
        assertOutcome(VerificationOutcome.SUSPENDED, Optional.of(RevocationReason.CERTIFICATE_HOLD), logIn(method, hanako, VALID_DAY));
        testCa.ca().releaseHold(hanako.authCertificate(), VALID_DAY.plusDays(1));
        assertOutcome(VerificationOutcome.ACCEPTED, Optional.empty(), logIn(method, hanako, VALID_DAY.plusDays(1)));
    }

    @ParameterizedTest
    @EnumSource(RevocationMethod.class)
    void aCertificateFromTheOtherRootIsTheWrongChain(RevocationMethod method) throws Exception {
        VerificationResult authCertToETax = eTax(method).verify(RETURN, sign(hanako.authKey(), RETURN), hanako.authCertificate(), VALID_DAY);
        assertOutcome(VerificationOutcome.WRONG_CHAIN, Optional.empty(), authCertToETax);
        PortalLoginVerifier portal = portal(method);
        LoginChallenge challenge = portal.newChallenge();
        X509Certificate signCert = hanako.signCertificate().orElseThrow();
        VerificationResult signCertToPortal = portal.verify(challenge,
                sign(hanako.signKey().orElseThrow(), challenge.bytes()), signCert, VALID_DAY);
        assertOutcome(VerificationOutcome.WRONG_CHAIN, Optional.empty(), signCertToPortal);
    }

    @ParameterizedTest
    @EnumSource(RevocationMethod.class)
    void aSignatureOverSomethingElseIsBad(RevocationMethod method) throws Exception {
        byte[] tampered = "e-Tax return 2026, income 1 yen".getBytes(StandardCharsets.UTF_8);
        VerificationResult result = eTax(method).verify(tampered, sign(hanako.signKey().orElseThrow(), RETURN),
                hanako.signCertificate().orElseThrow(), VALID_DAY);
        assertOutcome(VerificationOutcome.BAD_SIGNATURE, Optional.empty(), result);
        VerificationResult otherKey = eTax(method).verify(RETURN, sign(ren.signKey().orElseThrow(), RETURN),
                hanako.signCertificate().orElseThrow(), VALID_DAY);
        assertOutcome(VerificationOutcome.BAD_SIGNATURE, Optional.empty(), otherKey);
    }

    @ParameterizedTest
    @EnumSource(RevocationMethod.class)
    void aChallengeIsGoodForOneLogin(RevocationMethod method) throws Exception {
        PortalLoginVerifier portal = portal(method);
        LoginChallenge challenge = portal.newChallenge();
        byte[] signature = sign(hanako.authKey(), challenge.bytes());
        assertOutcome(VerificationOutcome.ACCEPTED, Optional.empty(), portal.verify(challenge, signature, hanako.authCertificate(), VALID_DAY));
        VerificationResult replay = portal.verify(challenge, signature, hanako.authCertificate(), VALID_DAY);
        assertOutcome(VerificationOutcome.BAD_SIGNATURE, Optional.empty(), replay);
        assertTrue(replay.explanation().contains("already used"), replay.explanation());
    }

    @ParameterizedTest
    @EnumSource(RevocationMethod.class)
    void withoutTheCaServerTheStatusIsUnknown(RevocationMethod method) throws Exception {
        ETaxSignatureVerifier verifier = eTax(method);
        testCa.server().close();
        VerificationResult result = verifier.verify(RETURN, sign(hanako.signKey().orElseThrow(), RETURN),
                hanako.signCertificate().orElseThrow(), VALID_DAY);
        assertOutcome(VerificationOutcome.REVOCATION_UNKNOWN, Optional.empty(), result);
        assertTrue(result.explanation().startsWith(method.name()), result.explanation());
    }

    @org.junit.jupiter.api.Test
    void ocspSaysUnknownForACertificateTheCaNeverIssued() throws Exception {
        VerificationResult result = file(RevocationMethod.OCSP, ren, VALID_DAY);
        assertOutcome(VerificationOutcome.REVOCATION_UNKNOWN, Optional.empty(), result);
    }

    @org.junit.jupiter.api.Test
    void aCrlFromAnotherDayIsNotCurrent() throws Exception {
        testCa.today(VALID_DAY.minusDays(2));
        VerificationResult result = eTax(RevocationMethod.CRL).verify(RETURN, sign(hanako.signKey().orElseThrow(), RETURN),
                hanako.signCertificate().orElseThrow(), VALID_DAY);
        assertOutcome(VerificationOutcome.REVOCATION_UNKNOWN, Optional.empty(), result);
        assertTrue(result.explanation().contains("not current"), result.explanation());
    }

    @org.junit.jupiter.api.Test
    void theSignRootDoesNotSignAuthCrls() {
        assertEquals(pki.authCaCertificate().getSubjectX500Principal(),
                testCa.ca().publishCrl(CertificatePurpose.AUTH, VALID_DAY).getIssuerX500Principal());
    }
}
