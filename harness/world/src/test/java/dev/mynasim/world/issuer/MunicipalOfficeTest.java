package dev.mynasim.world.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.PersonaRepository;
import dev.mynasim.fixtures.pki.PersonaCredentials;
import dev.mynasim.fixtures.pki.TestPki;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MunicipalOfficeTest {

    static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    static PersonaRepository personas;
    static TestPki pki;

    @TempDir
    Path stateDir;
    TestCertificateAuthority ca;
    MunicipalOffice office;
    CallCentre callCentre;
    Persona hanako;
    PersonaCredentials credentials;

    @BeforeAll
    static void load() {
        personas = PersonaRepository.load();
        pki = TestPki.load(personas);
    }

    @BeforeEach
    void open() {
        ca = TestCertificateAuthority.open(pki, stateDir);
        hanako = personas.byId("hanako");
        credentials = pki.credentials(hanako);
        ca.registerIssued(credentials);
        office = new MunicipalOffice(ca);
        callCentre = new CallCentre(ca);
    }

    CertificateState stateOf(java.security.cert.X509Certificate c) {
        return ca.find(c).orElseThrow().state();
    }

    @Test
    void aLossReportHoldsBothCertificatesAndCardFoundReleasesThem() {
        assertEquals(2, callCentre.reportLoss("hanako", TODAY).size());
        assertEquals(CertificateState.ON_HOLD, stateOf(credentials.authCertificate()));
        assertEquals(CertificateState.ON_HOLD, stateOf(credentials.signCertificate().orElseThrow()));
        office.cancelSuspension("hanako", TODAY.plusDays(2));
        assertEquals(CertificateState.GOOD, stateOf(credentials.authCertificate()));
        assertEquals(CertificateState.GOOD, stateOf(credentials.signCertificate().orElseThrow()));
        assertThrows(IllegalStateException.class, () -> office.cancelSuspension("hanako", TODAY.plusDays(3)));
    }

    @Test
    void aMoveRevokesOnlyTheSignCertificateAsAffiliationChanged() {
        Persona moved = office.registerAddressChange(hanako, "東京都千代田区千代田１－２", TODAY);
        assertEquals("東京都千代田区千代田１－２", moved.address());
        CertificateRecord sign = ca.find(credentials.signCertificate().orElseThrow()).orElseThrow();
        assertEquals(CertificateState.REVOKED, sign.state());
        assertEquals(RevocationReason.AFFILIATION_CHANGED, sign.reason());
        assertEquals(CertificateState.GOOD, stateOf(credentials.authCertificate()));
    }

    @Test
    void aNameChangeWhileTheCardIsLostStillRevokesTheSignCertificate() {
        callCentre.reportLoss("hanako", TODAY);
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
        CertificateRecord old = ca.find(credentials.authCertificate()).orElseThrow();
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
        assertEquals(CertificateState.REVOKED, stateOf(credentials.signCertificate().orElseThrow()));
        assertEquals(CertificateState.GOOD, stateOf(credentials.authCertificate()));
        assertEquals(moved.address(), office.ledger().current(hanako).address(), "the office remembers the new address");
        assertEquals(1, ca.recordsOf("hanako").stream().filter(r -> r.state() == CertificateState.GOOD
                && r.purpose() == CertificatePurpose.SIGN).count());
    }

    @Test
    void reissueRevokesTheOldCardsCertificatesAsCessationOfOperationAndChargesTheFee() {
        callCentre.reportLoss("hanako", TODAY);
        RecordingChannel newCard = new RecordingChannel();
        MunicipalOffice.IssuedCertificates issued = office.reissueCard(hanako, TODAY.plusDays(3), newCard);
        assertEquals(RevocationReason.CESSATION_OF_OPERATION, ca.find(credentials.authCertificate()).orElseThrow().reason());
        assertEquals(RevocationReason.CESSATION_OF_OPERATION,
                ca.find(credentials.signCertificate().orElseThrow()).orElseThrow().reason());
        assertEquals(CertificateState.GOOD, stateOf(issued.auth()));
        assertEquals(List.of(new OfficeLedger.Fee("hanako", TODAY.plusDays(3), 1000, "reissue of the My Number Card")),
                new OfficeLedger(stateDir).fees("hanako"), "recorded on disk");
    }

    /** A card stand-in: makes key pairs host-side and records what the office asked for. */
    private static final class RecordingChannel implements IssuerCardChannel {
        final List<String> calls = new ArrayList<>();
        final List<java.security.PublicKey> keys = new ArrayList<>();

        @Override
        public java.security.interfaces.RSAPublicKey generateKeyPair(CertificatePurpose purpose) {
            calls.add("generate " + purpose);
            java.security.interfaces.RSAPublicKey key = (java.security.interfaces.RSAPublicKey) TestPki.generateRsaKeyPair().getPublic();
            keys.add(key);
            return key;
        }

        @Override
        public void writeCertificate(CertificatePurpose purpose, java.security.cert.X509Certificate certificate) {
            calls.add("write " + purpose);
        }

        @Override
        public void resetPin(String pinLabel, String newValue) {
            calls.add("reset " + pinLabel);
        }

        @Override
        public void rewritePersonalData(Persona holderNow) {
            calls.add("rewrite " + holderNow.address());
        }
    }
}
