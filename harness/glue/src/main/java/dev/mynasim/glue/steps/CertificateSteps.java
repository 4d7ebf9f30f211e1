package dev.mynasim.glue.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.CardRules;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.pki.JpkiSan;
import dev.mynasim.model.KeyRef;
import dev.mynasim.client.card.ReadMethod;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.glue.steps.ParameterTypes.CertificateRef;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.time.LocalTime;
import java.util.Date;
import java.util.Map;
import javax.security.auth.x500.X500Principal;
import org.junit.jupiter.api.Assertions;

/** Domain steps for the certificates on the card: reading, chains, content, validity. */
public class CertificateSteps {

    private final CardWorld world;

    public CertificateSteps(CardWorld world) {
        this.world = world;
    }

    /** The certificate as read in this scenario, reading it (4-byte header method) if not read yet. */
    static X509Certificate certificate(CardWorld world, CertificateRef ref) {
        return world.certificate(ref.words).orElseGet(() -> {
            X509Certificate read = world.client().readCertificate(ref.fid, ReadMethod.FOUR_BYTE_HEADER);
            world.remember(ref.words, read);
            return read;
        });
    }

    @When("I read the {certificate} using the {readMethod} method")
    public void iReadTheCertificate(CertificateRef ref, ReadMethod method) {
        world.remember(ref.words, world.client().readCertificate(ref.fid, method));
    }

    @Then("the {certificate} chains to the {ca}")
    public void theCertificateChainsTo(CertificateRef ref, CertificateRef caRef) {
        X509Certificate certificate = certificate(world, ref);
        X509Certificate ca = certificate(world, caRef);
        assertEquals(ca.getSubjectX500Principal(), certificate.getIssuerX500Principal(), "issuer of the " + ref.words);
        try {
            certificate.verify(ca.getPublicKey());
        } catch (GeneralSecurityException e) {
            Assertions.fail("the " + ref.words + " is not signed by the " + caRef.words + ": " + e.getMessage());
        }
    }

    @Then("it is the MynaSim TEST {key} root CA")
    public void itIsTheTestRoot(KeyRef key) {
        CertificateRef caRef = CertificateRef.of(key).ca();
        X509Certificate expected = caRef == CertificateRef.AUTH_CA
                ? Fixtures.get().pki().authCaCertificate() : Fixtures.get().pki().signCaCertificate();
        X509Certificate read = world.lastCertificate();
        assertEquals(expected, read, "the " + caRef.words + " on the card");
        assertTrue(read.getSubjectX500Principal().getName().contains("TEST"),
                "a test root says TEST in its name: " + read.getSubjectX500Principal());
    }

    @Then("the {certificate} carries no personal data")
    public void carriesNoPersonalData(CertificateRef ref) {
        X509Certificate certificate = certificate(world, ref);
        String subject = certificate.getSubjectX500Principal().getName(X500Principal.RFC2253);
        Persona persona = world.persona();
        assertTrue(JpkiSan.decode(certificate).isEmpty(), "no subjectAltName entries in the " + ref.words);
        for (String personal : new String[] {persona.name(), persona.address(), persona.myNumber(), persona.birthDateYyyymmdd()}) {
            assertTrue(!subject.contains(personal), "the " + ref.words + "'s subject must not carry personal data: " + subject);
        }
    }

    @Then("the signature certificate carries the persona's name, address, birth date and sex")
    public void signatureCertificateCarriesBasicFour() throws Exception {
        X509Certificate certificate = certificate(world, CertificateRef.SIGN);
        Map<String, String> expected = JpkiSan.valuesFor(world.persona());
        assertEquals(expected, JpkiSan.decode(certificate), "subjectAltName otherName entries of the signature certificate");
    }

    @Then("the {certificate} is valid today")
    public void isValidToday(CertificateRef ref) {
        X509Certificate certificate = certificate(world, ref);
        LocalDate today = world.today();
        Date noonJst = Date.from(today.atTime(LocalTime.NOON).atOffset(CardRules.JST).toInstant());
        try {
            certificate.checkValidity(noonJst);
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            Assertions.fail("the " + ref.words + " is not valid on " + today + " (valid "
                    + certificate.getNotBefore().toInstant() + " to " + certificate.getNotAfter().toInstant() + ")");
        }
    }

    @Then("the {certificate} expires on the date the card rules give")
    public void expiresOnTheRulesDate(CertificateRef ref) {
        X509Certificate certificate = certificate(world, ref);
        LocalDate expected = ref == CertificateRef.AUTH
                ? world.persona().authCertificateExpiry()
                : world.persona().signCertificateExpiry().orElseThrow();
        assertEquals(CardRules.notAfter(expected), certificate.getNotAfter().toInstant(),
                "notAfter of the " + ref.words + " (23:59:59 JST on " + expected + ")");
    }
}
