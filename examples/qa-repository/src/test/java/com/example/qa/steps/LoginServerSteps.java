package com.example.qa.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.client.card.ReadMethod;
import dev.mynasim.glue.steps.CardWorld;
import dev.mynasim.model.KeyRef;
import io.cucumber.java.en.Then;
import java.security.Signature;
import java.security.cert.X509Certificate;

/**
 * Our own step: what our login server checks, on the scenario's card world that MynaSim's steps fill
 * (MynaSim's object factory hands the same CardWorld to their steps and to ours).
 */
public class LoginServerSteps {

    private final CardWorld world;

    public LoginServerSteps(CardWorld world) {
        this.world = world;
    }

    @Then("our login server accepts the signature as {string}'s login")
    public void ourLoginServerAccepts(String personaId) throws Exception {
        assertEquals(personaId, world.persona().id(), "whose card is in the reader");
        X509Certificate certificate = world.client().readCertificate(KeyRef.AUTH.certificateFid(), ReadMethod.FOUR_BYTE_HEADER);
        certificate.checkValidity(java.sql.Date.valueOf(world.today()));
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate);
        verifier.update(world.lastSignedMessage());
        assertTrue(verifier.verify(world.lastSignature()), "the login signature verifies with the card's user-proof certificate");
    }
}
