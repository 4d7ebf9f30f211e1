package dev.mynasim.glue.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.world.issuer.CertificateRecord;
import dev.mynasim.world.issuer.CertificateState;
import dev.mynasim.world.issuer.RevocationReason;
import dev.mynasim.fixtures.pki.PersonaCredentials;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.world.relyingparty.RevocationMethod;
import dev.mynasim.glue.steps.ParameterTypes.CertificateRef;
import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.ja.ならば;
import io.cucumber.java.ja.もし;
import io.cucumber.java.ja.前提;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;

/**
 * The test CA and the life events of docs/card-reference.md §12 that need no change to the card: loss reports, the
 * card found again, name and address changes, and direct revocations and holds. Dates come from
 * {@code Given today is ...}.
 */
public class CertificateAuthoritySteps {

    private final CardWorld world;
    private final LifecycleWorld lifecycle;

    public CertificateAuthoritySteps(CardWorld world, LifecycleWorld lifecycle) {
        this.world = world;
        this.lifecycle = lifecycle;
    }

    /** The certificate the persona's card holds (the committed test PKI). */
    static X509Certificate certificateOf(String personaId, CertificateRef ref) {
        PersonaCredentials credentials = Fixtures.get().pki().credentials(personaId);
        return switch (ref) {
            case AUTH -> credentials.authCertificate();
            case SIGN -> credentials.signCertificate().orElseThrow(() -> new IllegalArgumentException(
                    "persona '" + personaId + "' has no signature certificate (under 15 at issue)"));
            default -> throw new IllegalArgumentException("the CA revokes end-entity certificates, not the " + ref.words);
        };
    }

    private static Persona persona(String personaId) {
        return Fixtures.get().personas().byId(personaId);
    }

    @Given("relying parties check revocation by {revocationMethod}")
    @前提("サービス提供者は{revocationMethod}で失効を確認する")
    public void relyingPartiesCheckRevocationBy(RevocationMethod method) {
        lifecycle.useRevocationMethod(method);
    }

    @Given("the {certificate} of {string} was revoked because {revocationCause}")
    @前提("{certificate}は{string}のものが{revocationCause}ため失効した")
    public void theCertificateWasRevoked(CertificateRef ref, String personaId, RevocationReason reason) {
        lifecycle.ca().revoke(certificateOf(personaId, ref), reason, world.today());
    }

    @Given("the {certificate} of {string} was put on hold")
    @前提("{certificate}は{string}のものが一時停止された")
    public void theCertificateWasPutOnHold(CertificateRef ref, String personaId) {
        lifecycle.ca().hold(certificateOf(personaId, ref), world.today());
    }

    @When("the hold on the {certificate} of {string} is released")
    @もし("{certificate}は{string}のものの一時停止が解除される")
    public void theHoldIsReleased(CertificateRef ref, String personaId) {
        lifecycle.ca().releaseHold(certificateOf(personaId, ref), world.today());
    }

    @Given("{string} reports the card lost to the call centre")
    @前提("{string}がカードの紛失をコールセンターに届け出る")
    public void reportsTheCardLost(String personaId) {
        lifecycle.callCentre().reportLoss(persona(personaId), world.today());
    }

    @When("{string} tells the municipal office the card was found")
    @もし("{string}がカードが見つかったことを市区町村窓口に届け出る")
    public void tellsTheOfficeTheCardWasFound(String personaId) {
        lifecycle.office().cancelSuspension(persona(personaId), world.today());
    }

    @Given("{string} registers a move to {string} at the municipal office")
    @前提("{string}が{string}への転居を市区町村窓口に届け出る")
    public void registersAMove(String personaId, String newAddress) {
        lifecycle.office().registerAddressChange(persona(personaId), newAddress, world.today());
    }

    @Given("{string} registers a change of name to {string} at the municipal office")
    @前提("{string}が{string}への氏名の変更を市区町村窓口に届け出る")
    public void registersANameChange(String personaId, String newName) {
        lifecycle.office().registerNameChange(persona(personaId), newName, world.today());
    }

    @Then("the CA lists the {certificate} of {string} as {certificateState}")
    @ならば("認証局では{certificate}は{string}のものが{certificateState}となっている")
    public void theCaListsTheCertificateAs(CertificateRef ref, String personaId, CertificateState expected) {
        CertificateRecord record = lifecycle.ca().find(certificateOf(personaId, ref)).orElseThrow();
        assertEquals(expected, record.state(), "the " + ref.words + " of " + personaId + " at the CA");
    }

    @After
    public void attachCaStateAndStop(Scenario scenario) throws IOException {
        try {
            String state = lifecycle.stateForReport();
            if (state != null) {
                scenario.attach(state.getBytes(StandardCharsets.UTF_8), "application/json", "test CA state");
            }
        } finally {
            lifecycle.close();
        }
    }
}
