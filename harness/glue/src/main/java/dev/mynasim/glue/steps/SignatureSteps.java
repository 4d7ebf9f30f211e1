package dev.mynasim.glue.steps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.client.card.CardClient;
import dev.mynasim.client.card.CardResponse;
import dev.mynasim.model.KeyRef;
import dev.mynasim.glue.steps.ParameterTypes.CertificateRef;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.X509Certificate;

/** Domain steps for signing with the card's keys and checking the signatures. */
public class SignatureSteps {

    private final CardWorld world;

    public SignatureSteps(CardWorld world) {
        this.world = world;
    }

    @When("I sign {string} with the {key} key( again)")
    public void iSignWithTheKey(String message, KeyRef key) {
        byte[] bytes = message.getBytes(StandardCharsets.UTF_8);
        CardResponse response = world.client().sign(key, CardClient.sha256DigestInfo(bytes));
        world.setLast(response);
        if (response.ok()) {
            world.rememberSignature(bytes, response.data());
        }
    }

    @Then("the signature verifies with the {certificate}")
    public void theSignatureVerifies(CertificateRef ref) throws Exception {
        byte[] signature = world.lastSignature();
        X509Certificate certificate = CertificateSteps.certificate(world, ref);
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(world.lastSignedMessage());
        assertTrue(verifier.verify(signature), "the signature does not verify with the " + ref.words + "'s public key");
    }

    @Then("both signatures are identical")
    public void bothSignaturesAreIdentical() {
        assertArrayEquals(world.previousSignature(), world.lastSignature(), "PKCS#1 v1.5 signatures are deterministic");
    }
}
