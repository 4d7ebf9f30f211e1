package dev.mynasim.glue.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.world.issuer.RevocationReason;
import dev.mynasim.client.card.CardClient;
import dev.mynasim.client.card.CardResponse;
import dev.mynasim.model.KeyRef;
import dev.mynasim.model.Pin;
import dev.mynasim.world.relyingparty.LoginChallenge;
import dev.mynasim.world.relyingparty.PortalLoginVerifier;
import dev.mynasim.world.relyingparty.VerificationOutcome;
import dev.mynasim.world.relyingparty.VerificationResult;
import dev.mynasim.glue.steps.ParameterTypes.CertificateRef;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.ja.ならば;
import io.cucumber.java.ja.もし;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * The card in use at relying parties: logging in to the portal (user-proof key) and filing an e-Tax
 * return (signature key). The card signs; the relying party checks chain, signature, validity on
 * the scenario's date and revocation.
 */
public class RelyingPartySteps {

    /** What the e-Tax steps file: fixed, so a scenario's signature is reproducible. */
    static final byte[] TAX_RETURN = "MynaSim e-Tax return: income tax, fiscal year 2025".getBytes(StandardCharsets.UTF_8);

    private final CardWorld world;
    private final LifecycleWorld lifecycle;

    public RelyingPartySteps(CardWorld world, LifecycleWorld lifecycle) {
        this.world = world;
        this.lifecycle = lifecycle;
    }

    /** Enters the card's current PIN; a refusal fails the step with the status word (never the PIN). */
    private void enterPin(Pin pin) {
        String value = world.pin(pin);
        CardResponse response = world.client().verify(pin, value);
        world.setLast(response);
        assertTrue(response.ok(), String.format("the card refused the %s: SW %04X", pin.label(), response.sw()));
    }

    private byte[] signOnCard(KeyRef key, byte[] data) {
        CardResponse response = world.client().sign(key, CardClient.sha256DigestInfo(data));
        world.setLast(response);
        assertTrue(response.ok(), String.format("the card refused to sign: SW %04X", response.sw()));
        return response.data();
    }

    @When("I log in to the portal with the user-proof PIN")
    @もし("利用者証明用暗証番号でマイナポータルにログインする")
    public void iLogInToThePortal() {
        PortalLoginVerifier portal = lifecycle.portal();
        LoginChallenge challenge = portal.newChallenge();
        enterPin(Pin.AUTH);
        byte[] signature = signOnCard(KeyRef.AUTH, challenge.bytes());
        lifecycle.setLastResult(portal.verify(challenge, signature,
                CertificateSteps.certificate(world, CertificateRef.AUTH), world.today()));
    }

    @When("I file an e-Tax return signed with the signature password")
    @もし("署名用パスワードで署名したe-Taxの申告を送信する")
    public void iFileAnETaxReturn() {
        fileETaxReturn(Pin.SIGN, KeyRef.SIGN, CertificateRef.SIGN);
    }

    @When("I file an e-Tax return signed with the user-proof PIN")
    @もし("利用者証明用暗証番号で署名したe-Taxの申告を送信する")
    public void iFileAnETaxReturnWithTheUserProofKey() {
        fileETaxReturn(Pin.AUTH, KeyRef.AUTH, CertificateRef.AUTH);
    }

    /** The return signed on the card with the key the PIN opens, sent with the card's certificate for it. */
    private void fileETaxReturn(Pin pin, KeyRef key, CertificateRef certificate) {
        enterPin(pin);
        byte[] signature = signOnCard(key, TAX_RETURN);
        lifecycle.setLastResult(lifecycle.eTax().verify(TAX_RETURN, signature,
                CertificateSteps.certificate(world, certificate), world.today()));
    }

    @Then("the {relyingPartyAnswer} is accepted")
    @ならば("{relyingPartyAnswer}は受け付けられる")
    public void isAccepted(String what) {
        VerificationResult result = lifecycle.lastResult();
        assertEquals(VerificationOutcome.ACCEPTED, result.outcome(), "the " + what + ": " + result);
    }

    @Then("the {relyingPartyAnswer} is rejected as {outcome}")
    @ならば("{relyingPartyAnswer}は{outcome}のため拒否される")
    public void isRejectedAs(String what, VerificationOutcome expected) {
        VerificationResult result = lifecycle.lastResult();
        assertEquals(expected, result.outcome(), "the " + what + ": " + result);
    }

    @Then("the {relyingPartyAnswer} is rejected as revoked \\({revocationReason})")
    @ならば("{relyingPartyAnswer}は失効（{revocationReason}）のため拒否される")
    public void isRejectedAsRevoked(String what, RevocationReason reason) {
        VerificationResult result = lifecycle.lastResult();
        assertEquals(VerificationOutcome.REVOKED, result.outcome(), "the " + what + ": " + result);
        assertEquals(Optional.of(reason), result.reason(), "the " + what + ": " + result);
    }
}
