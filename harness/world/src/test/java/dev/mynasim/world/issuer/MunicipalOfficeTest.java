package dev.mynasim.world.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.PersonaRepository;
import dev.mynasim.fixtures.pki.PersonaCredentials;
import dev.mynasim.fixtures.pki.TestPki;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

class MunicipalOfficeTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static final PersonaRepository personas = TestCaExtension.personas();
    static final TestPki pki = TestCaExtension.pki();

    @RegisterExtension
    final TestCaExtension testCa = TestCaExtension.withHanako();
    final Persona hanako = personas.byId("hanako");
    final PersonaCredentials credentials = pki.credentials(hanako);
    MunicipalOffice office;
    CallCentre callCentre;

    @BeforeEach
    void open() {
        office = new MunicipalOffice(testCa.ca());
        callCentre = new CallCentre(testCa.ca());
    }

    CertificateState stateOf(java.security.cert.X509Certificate c) {
        return testCa.ca().find(c).orElseThrow().state();
    }

    @Test
    void aLossReportHoldsBothCertificatesAndCardFoundReleasesThem() {
        assertEquals(2, callCentre.reportLoss(hanako, TODAY).size());
        assertEquals(CertificateState.ON_HOLD, stateOf(credentials.authCertificate()));
        assertEquals(CertificateState.ON_HOLD, stateOf(credentials.signCertificate().orElseThrow()));
        office.cancelSuspension(hanako, TODAY.plusDays(2));
        assertEquals(CertificateState.GOOD, stateOf(credentials.authCertificate()));
        assertEquals(CertificateState.GOOD, stateOf(credentials.signCertificate().orElseThrow()));
        assertThrows(IllegalStateException.class, () -> office.cancelSuspension(hanako, TODAY.plusDays(3)));
    }

    @Test
    void aMoveRevokesOnlyTheSignCertificateAsAffiliationChanged() {
        Persona moved = office.registerAddressChange(hanako, "東京都千代田区千代田１－２", TODAY);
        assertEquals("東京都千代田区千代田１－２", moved.address());
        CertificateRecord sign = testCa.ca().find(credentials.signCertificate().orElseThrow()).orElseThrow();
        assertEquals(CertificateState.REVOKED, sign.state());
        assertEquals(RevocationReason.AFFILIATION_CHANGED, sign.reason());
        assertEquals(CertificateState.GOOD, stateOf(credentials.authCertificate()));
    }

    @Test
    void aNameChangeWhileTheCardIsLostStillRevokesTheSignCertificate() {
        callCentre.reportLoss(hanako, TODAY);
        office.registerNameChange(hanako, "山田　花子", TODAY.plusDays(1));
        assertEquals(CertificateState.REVOKED, stateOf(credentials.signCertificate().orElseThrow()));
        assertEquals(CertificateState.ON_HOLD, stateOf(credentials.authCertificate()));
    }

    @Test
    void renewalInsideTheWindowWritesTheCardAndSupersedesTheOldCertificates() {
        RecordingChannel card = new RecordingChannel();
        MunicipalOffice.IssuedCertificates renewed = office.renewCertificates(hanako, LocalDate.of(2029, 1, 1), card);
        assertEquals(List.of("generate AUTH", "write AUTH", "generate SIGN", "write SIGN"), card.calls);
        assertEquals(card.keys.get(0), renewed.auth().getPublicKey(), "the certificate certifies the key made on the card");
        CertificateRecord old = testCa.ca().find(credentials.authCertificate()).orElseThrow();
        assertEquals(RevocationReason.SUPERSEDED, old.reason());
        assertEquals(CertificateState.GOOD, stateOf(renewed.auth()));
    }

    @Test
    void renewalBeforeTheWindowIsRefusedWithTheOpeningDay() {
        RecordingChannel card = new RecordingChannel();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> office.renewCertificates(hanako, LocalDate.of(2028, 12, 31), card));
        assertTrue(e.getMessage().contains("2029-01-01"), e.getMessage());
        assertEquals(CertificateState.GOOD, stateOf(credentials.authCertificate()), "nothing changes");
        assertEquals(List.of(), card.calls, "the card is not touched");
    }

    @Test
    void aMoveAtTheCounterRewritesTheCardAndIssuesANewSignCertificateWithTheNewAddress() {
        RecordingChannel card = new RecordingChannel();
        Persona moved = office.changeAddress(hanako, "東京都千代田区千代田１－２", TODAY, card);
        assertEquals(List.of("rewrite 東京都千代田区千代田１－２", "generate SIGN", "write SIGN"), card.calls);
        assertEquals(testCa.ca().find(credentials.authCertificate()).orElseThrow().notAfter(), newestGood(CertificatePurpose.SIGN).notAfter(),
                "the new signature certificate ends with the user-proof certificate (card-spec 5.3)");
        assertEquals(CertificateState.REVOKED, stateOf(credentials.signCertificate().orElseThrow()));
        assertEquals(CertificateState.GOOD, stateOf(credentials.authCertificate()));
        assertEquals(moved.address(), office.ledger().current(hanako).address(), "the office remembers the new address");
        assertEquals(1, testCa.ca().recordsOf("hanako").stream().filter(r -> r.state() == CertificateState.GOOD
                && r.purpose() == CertificatePurpose.SIGN).count());
    }

    @Test
    void reissueRevokesTheOldCardsCertificatesAsCessationOfOperationAndChargesTheFee() {
        callCentre.reportLoss(hanako, TODAY);
        RecordingChannel newCard = new RecordingChannel();
        MunicipalOffice.IssuedCertificates issued = office.reissueCard(hanako, TODAY.plusDays(3), newCard);
        assertEquals(RevocationReason.CESSATION_OF_OPERATION, testCa.ca().find(credentials.authCertificate()).orElseThrow().reason());
        assertEquals(RevocationReason.CESSATION_OF_OPERATION,
                testCa.ca().find(credentials.signCertificate().orElseThrow()).orElseThrow().reason());
        assertEquals(CertificateState.GOOD, stateOf(issued.auth()));
        assertEquals(List.of(1000), new OfficeLedger(testCa.stateDir()).fees("hanako").stream().map(OfficeLedger.Fee::yen).toList(),
                "recorded on disk");
    }

    CertificateRecord newestGood(CertificatePurpose purpose) {
        return testCa.ca().recordsOf("hanako").stream().filter(r -> r.purpose() == purpose && r.state() == CertificateState.GOOD)
                .reduce((a, b) -> b).orElseThrow();
    }

    @Test
    void aReissueGivesANewCardExpiryCountedFromTheReissueDate() {
        MunicipalOffice.IssuedCertificates issued = office.reissueCard(hanako, LocalDate.of(2033, 6, 1), new RecordingChannel());
        assertEquals(LocalDate.of(2043, 4, 1), office.current(hanako).cardExpiry());
        assertEquals(LocalDate.of(2038, 4, 1), testCa.ca().find(issued.auth()).orElseThrow().notAfter());
        assertEquals(LocalDate.of(2038, 4, 1), testCa.ca().find(issued.sign().orElseThrow()).orElseThrow().notAfter());
    }

    @Test
    void renewalAfterExpiryIssuesNewCertificatesWithoutAFee() {
        RecordingChannel card = new RecordingChannel();
        MunicipalOffice.IssuedCertificates renewed = office.renewCertificates(hanako, LocalDate.of(2029, 4, 2), card);
        assertEquals(LocalDate.of(2034, 4, 1), testCa.ca().find(renewed.auth()).orElseThrow().notAfter(), "5th birthday after 2029-04-02 = card expiry");
        assertEquals(List.of(), office.ledger().fees("hanako"));
        assertEquals(RevocationReason.SUPERSEDED, testCa.ca().find(credentials.authCertificate()).orElseThrow().reason());
    }

    @Test
    void aReissueDatedBeforeTheBirthChangesNothing() throws Exception {
        byte[] caBefore = java.nio.file.Files.readAllBytes(testCa.ca().stateFile());
        RecordingChannel card = new RecordingChannel();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> office.reissueCard(hanako, LocalDate.of(1900, 1, 1), card));
        assertTrue(e.getMessage().contains("birth date"), e.getMessage());
        assertEquals(List.of(), card.calls, "the card is not touched");
        org.junit.jupiter.api.Assertions.assertArrayEquals(caBefore, java.nio.file.Files.readAllBytes(testCa.ca().stateFile()), "the CA state");
        assertEquals(List.of(), new OfficeLedger(testCa.stateDir()).fees("hanako"), "no fee");
        assertTrue(new OfficeLedger(testCa.stateDir()).pending().isEmpty(), "no journal");
    }

    @Test
    void anAddressTooLongForTheCardChangesNothing() throws Exception {
        byte[] caBefore = java.nio.file.Files.readAllBytes(testCa.ca().stateFile());
        RecordingChannel card = new RecordingChannel();
        card.fitLimit = 60;
        String longAddress = "東京都千代田区".repeat(20);
        assertThrows(IllegalArgumentException.class, () -> office.changeAddress(hanako, longAddress, TODAY, card));
        assertEquals(List.of(), card.calls, "the card is not touched");
        org.junit.jupiter.api.Assertions.assertArrayEquals(caBefore, java.nio.file.Files.readAllBytes(testCa.ca().stateFile()), "the CA state");
        assertEquals(hanako.address(), new OfficeLedger(testCa.stateDir()).current(hanako).address(), "the ledger keeps the old address");
    }

    @Test
    void aReissueInterruptedOnTheCardIsCompletedByRunningItAgainWithOneFee() {
        RecordingChannel failing = new RecordingChannel();
        failing.failAfter = 3;
        LocalDate day = TODAY.plusDays(5);
        assertThrows(IllegalStateException.class, () -> office.reissueCard(hanako, day, failing));
        assertEquals(CertificateState.GOOD, stateOf(credentials.authCertificate()), "no revocation before the replacement is on the card");
        assertEquals(List.of(), new OfficeLedger(testCa.stateDir()).fees("hanako"), "no fee before the operation completes");
        assertTrue(new OfficeLedger(testCa.stateDir()).pending().isPresent(), "the journal says what to finish");
        IllegalStateException other = assertThrows(IllegalStateException.class,
                () -> new MunicipalOffice(testCa.ca()).changeAddress(hanako, "東京都千代田区千代田１－２", day, new RecordingChannel()));
        assertTrue(other.getMessage().contains("office reissue"), other.getMessage());
        MunicipalOffice.IssuedCertificates issued = new MunicipalOffice(TestCertificateAuthority.open(pki, testCa.stateDir()))
                .reissueCard(hanako, day, new RecordingChannel());
        TestCertificateAuthority reopened = TestCertificateAuthority.open(pki, testCa.stateDir());
        assertEquals(CertificateState.GOOD, reopened.find(issued.auth()).orElseThrow().state());
        assertEquals(RevocationReason.CESSATION_OF_OPERATION, reopened.find(credentials.authCertificate()).orElseThrow().reason());
        assertEquals(List.of(1000), new OfficeLedger(testCa.stateDir()).fees("hanako").stream().map(OfficeLedger.Fee::yen).toList());
        assertEquals(List.of(CardEvent.REISSUE), new OfficeLedger(testCa.stateDir()).history("hanako").stream().map(OfficeLedger.Event::event).toList());
    }

    /** The card pulled out before each of its commands in turn: every rerun completes, with one fee and one replacement. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(ints = {0, 1, 2, 3, 4})
    void anOperationInterruptedAtAnyCardStepCompletesOnRerun(int failAfter) {
        LocalDate day = TODAY.plusDays(7);
        RecordingChannel failing = new RecordingChannel();
        failing.failAfter = failAfter;
        assertThrows(IllegalStateException.class, () -> office.reissueCard(hanako, day, failing));
        assertEquals(List.of(), new OfficeLedger(testCa.stateDir()).fees("hanako"));
        assertEquals(2L, testCa.ca().recordsOf("hanako").stream().filter(r -> r.state() == CertificateState.GOOD).count(),
                "the old certificates stand until the new ones are on the card");
        new MunicipalOffice(TestCertificateAuthority.open(pki, testCa.stateDir())).reissueCard(hanako, day, new RecordingChannel());
        TestCertificateAuthority after = TestCertificateAuthority.open(pki, testCa.stateDir());
        assertEquals(List.of(day, day), after.recordsOf("hanako").stream().filter(r -> r.state() == CertificateState.GOOD)
                .map(CertificateRecord::notBefore).toList(), "exactly the two new certificates are good");
        assertEquals(1, new OfficeLedger(testCa.stateDir()).fees("hanako").size());
        assertTrue(new OfficeLedger(testCa.stateDir()).pending().isEmpty());
    }

    @Test
    void aPeriodOfStayExtensionMovesTheCardExpiryAndRenewsCertificatesThatEndedWithTheStay() {
        Persona maria = personas.byId("maria");
        testCa.ca().registerIssued(pki.credentials(maria));
        RecordingChannel card = new RecordingChannel();
        Persona after = office.extendStay(maria, LocalDate.of(2030, 4, 14), LocalDate.of(2027, 3, 1), card);
        assertEquals(LocalDate.of(2030, 4, 14), after.cardExpiry());
        assertEquals(List.of("rewrite " + maria.address(), "generate AUTH", "write AUTH", "generate SIGN", "write SIGN"), card.calls);
        assertEquals(LocalDate.of(2030, 4, 14), testCa.ca().recordsOf("maria").stream().filter(r -> r.state() == CertificateState.GOOD)
                .map(CertificateRecord::notAfter).distinct().reduce((a, b) -> b).orElseThrow());
    }

    @Test
    void theOfficeRefusesASignaturePasswordWithoutADigit() {
        RecordingChannel card = new RecordingChannel();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> office.resetPin(hanako, "signature password", "ABCDEF", TODAY, card));
        assertTrue(e.getMessage().contains("one letter and one digit"), e.getMessage());
        assertEquals(List.of(), card.calls);
        office.resetPin(hanako, "signature password", "ABCDE1", TODAY, card);
        assertEquals(List.of("reset signature password"), card.calls);
    }

    /** hikari (born 2019-05-01, issued at 5) on a card reissued at 14, valid to 2038-05-01. */
    private Persona hikariReissuedAt14() {
        Persona hikari = personas.byId("hikari");
        testCa.ca().registerIssued(pki.credentials(hikari));
        office.reissueCard(hikari, LocalDate.of(2033, 6, 1), new RecordingChannel());
        return hikari;
    }

    @Test
    void theFirstSignatureCertificateTheDayBeforeThe15thBirthdayIsRefusedAndChangesNothing() throws Exception {
        Persona hikari = hikariReissuedAt14();
        byte[] caBefore = java.nio.file.Files.readAllBytes(testCa.ca().stateFile());
        List<OfficeLedger.Event> historyBefore = new OfficeLedger(testCa.stateDir()).history("hikari");
        RecordingChannel card = new RecordingChannel();
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> office.issueFirstSignatureCertificate(hikari, "HIKARI15", LocalDate.of(2034, 4, 30), card));
        assertEquals("hikari turns 15 on 2034-05-01: a signature certificate is issued from that day, not on 2034-04-30", e.getMessage());
        assertEquals(List.of(), card.calls, "the card is not touched");
        org.junit.jupiter.api.Assertions.assertArrayEquals(caBefore, java.nio.file.Files.readAllBytes(testCa.ca().stateFile()), "the CA state");
        assertEquals(historyBefore, new OfficeLedger(testCa.stateDir()).history("hikari"), "the ledger");
        assertTrue(new OfficeLedger(testCa.stateDir()).pending().isEmpty(), "no journal");
    }

    @Test
    void theFirstSignatureCertificateOnThe15thBirthdayEndsWithTheUserProofOneAndIsRenewedWithTheCard() {
        Persona hikari = hikariReissuedAt14();
        RecordingChannel card = new RecordingChannel();
        MunicipalOffice.IssuedCertificates issued = office.issueFirstSignatureCertificate(hikari, "HIKARI15", LocalDate.of(2034, 5, 1), card);
        assertEquals(List.of("generate SIGN", "write SIGN", "set signature password"), card.calls);
        CertificateRecord sign = testCa.ca().find(issued.sign().orElseThrow()).orElseThrow();
        assertEquals(CertificatePurpose.SIGN, sign.purpose());
        assertEquals(LocalDate.of(2034, 5, 1), sign.notBefore());
        assertEquals(LocalDate.of(2038, 5, 1), sign.notAfter());
        assertEquals(List.of(CardEvent.REISSUE.words()), new OfficeLedger(testCa.stateDir()).fees("hikari").stream()
                .map(OfficeLedger.Fee::what).toList(), "no fee but the reissue's");
        assertEquals(CardEvent.FIRST_SIGNATURE_CERTIFICATE, new OfficeLedger(testCa.stateDir()).history("hikari").get(1).event());
        IllegalStateException twice = assertThrows(IllegalStateException.class,
                () -> office.issueFirstSignatureCertificate(hikari, "HIKARI15", LocalDate.of(2034, 5, 2), new RecordingChannel()));
        assertTrue(twice.getMessage().contains("already has a signature password"), twice.getMessage());
        RecordingChannel renewal = new RecordingChannel();
        office.renewCard(hikari, LocalDate.of(2038, 3, 1), renewal);
        assertTrue(renewal.calls.contains("generate SIGN"), "from then on the card is renewed with its signature certificate: " + renewal.calls);
    }

    @Test
    void aFirstSignatureCertificateInterruptedOnTheCardIsCompletedByRunningItAgain() {
        Persona hikari = hikariReissuedAt14();
        LocalDate day = LocalDate.of(2034, 6, 15);
        RecordingChannel failing = new RecordingChannel();
        failing.failAfter = 2;
        assertThrows(IllegalStateException.class, () -> office.issueFirstSignatureCertificate(hikari, "HIKARI15", day, failing));
        assertTrue(new OfficeLedger(testCa.stateDir()).pending().isPresent(), "the journal says what to finish");
        assertEquals(0L, testCa.ca().recordsOf("hikari").stream().filter(r -> r.purpose() == CertificatePurpose.SIGN).count());
        new MunicipalOffice(TestCertificateAuthority.open(pki, testCa.stateDir())).issueFirstSignatureCertificate(hikari, "HIKARI15", day, new RecordingChannel());
        assertEquals(List.of(LocalDate.of(2038, 5, 1)), TestCertificateAuthority.open(pki, testCa.stateDir()).recordsOf("hikari").stream()
                .filter(r -> r.purpose() == CertificatePurpose.SIGN).map(CertificateRecord::notAfter).toList());
        assertTrue(new OfficeLedger(testCa.stateDir()).pending().isEmpty());
    }

    /** A card stand-in: makes key pairs host-side and records what the office asked for. */
    private static final class RecordingChannel implements IssuerCardChannel {
        final List<String> calls = new ArrayList<>();
        final List<java.security.PublicKey> keys = new ArrayList<>();
        /** Longest address the "card" takes. */
        int fitLimit = Integer.MAX_VALUE;
        /** The card is pulled out after this many commands. */
        int failAfter = Integer.MAX_VALUE;

        private void step(String call) {
            if (calls.size() >= failAfter) {
                throw new IllegalStateException("card removed");
            }
            calls.add(call);
        }

        @Override
        public void checkFits(Persona holderNow, int certificateBytes) {
            if (holderNow.address().length() > fitLimit) {
                throw new IllegalArgumentException("address too long for the card");
            }
        }

        @Override
        public java.security.interfaces.RSAPublicKey generateKeyPair(CertificatePurpose purpose) {
            step("generate " + purpose);
            java.security.interfaces.RSAPublicKey key = (java.security.interfaces.RSAPublicKey) TestPki.generateRsaKeyPair().getPublic();
            keys.add(key);
            return key;
        }

        @Override
        public void writeCertificate(CertificatePurpose purpose, java.security.cert.X509Certificate certificate) {
            step("write " + purpose);
        }

        @Override
        public void resetPin(String pinLabel, String newValue) {
            step("reset " + pinLabel);
        }

        @Override
        public void setFirstPin(String pinLabel, String value) {
            step("set " + pinLabel);
        }

        @Override
        public void rewritePersonalData(Persona holderNow) {
            step("rewrite " + holderNow.address());
        }
    }
}
