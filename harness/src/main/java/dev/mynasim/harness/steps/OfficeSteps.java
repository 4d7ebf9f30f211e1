package dev.mynasim.harness.steps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.ca.CertificateRecord;
import dev.mynasim.fixtures.ca.CertificateState;
import dev.mynasim.fixtures.pki.JpkiSan;
import dev.mynasim.fixtures.ca.MunicipalOffice;
import dev.mynasim.fixtures.ca.OfficeLedger;
import dev.mynasim.fixtures.ca.RevocationReason;
import dev.mynasim.harness.card.CardInfoReader;
import dev.mynasim.harness.card.CardResponse;
import dev.mynasim.harness.card.Pin;
import dev.mynasim.harness.office.TransportIssuerChannel;
import dev.mynasim.harness.steps.ParameterTypes.CertificateRef;
import dev.mynasim.harness.transport.Apdus;
import dev.mynasim.simulator.render.CardFaceRenderer;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;

/**
 * The municipal office with the card at the counter: PIN reset, change of address or name, renewal
 * and reissue, over the authenticated issuer channel ({@link TransportIssuerChannel}, through the
 * scenario's reader), with the CA of {@link LifecycleWorld}. Dates come from {@code Given today is ...}.
 */
public class OfficeSteps {

    private final CardWorld world;
    private final LifecycleWorld lifecycle;

    public OfficeSteps(CardWorld world, LifecycleWorld lifecycle) {
        this.world = world;
        this.lifecycle = lifecycle;
    }

    private Persona holder(String personaId) {
        Persona persona = world.persona();
        if (!persona.id().equals(personaId)) {
            throw new IllegalArgumentException("the card in the reader is persona '" + persona.id() + "'s, not '" + personaId + "'s");
        }
        return persona;
    }

    private TransportIssuerChannel channel() {
        return TransportIssuerChannel.forCardOf(world.client(), world.persona());
    }

    @When("{string} has the {pin} reset to {string} at the municipal office")
    public void hasThePinReset(String personaId, Pin pin, String newValue) {
        lifecycle.office().resetPin(holder(personaId), pin.label(), newValue, world.today(), channel());
        world.client().forgetSelection();
    }

    @When("someone without the issuer key tries to reset the {pin} to {string}")
    public void someoneWithoutTheKeyTriesToReset(Pin pin, String newValue) {
        byte[] guessedKey = new byte[16];
        new SecureRandom().nextBytes(guessedKey);
        CardResponse authentication = new TransportIssuerChannel(world.client(), guessedKey).authenticate(pin.application());
        assertEquals(Apdus.swText(0x6300), Apdus.swText(authentication.sw()), "EXTERNAL AUTHENTICATE with a wrong key");
        // The reset itself, as the same terminal would send it next.
        world.setLast(world.client().send(Apdus.command(0x00, 0x2C, 0x02, 0x80 | pin.fid(),
                newValue.getBytes(StandardCharsets.US_ASCII), 0)));
        world.client().forgetSelection();
    }

    @When("{string} moves to {string} and brings the card to the municipal office")
    public void movesWithTheCard(String personaId, String newAddress) {
        lifecycle.office().changeAddress(holder(personaId), newAddress, world.today(), channel());
        world.forgetCertificates();
    }

    @When("{string} changes name to {string} and brings the card to the municipal office")
    public void changesNameWithTheCard(String personaId, String newName) {
        lifecycle.office().changeName(holder(personaId), newName, world.today(), channel());
        world.forgetCertificates();
    }

    @When("{string} renews the certificates at the municipal office")
    public void renewsTheCertificates(String personaId) {
        lifecycle.office().renewCertificates(holder(personaId), world.today(), channel());
        world.forgetCertificates();
        world.client().forgetSelection();
    }

    @Then("renewing the certificates of {string} at the municipal office is refused")
    public void renewingIsRefused(String personaId) {
        IllegalStateException refused = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
                () -> lifecycle.office().renewCertificates(holder(personaId), world.today(), channel()));
        assertTrue(refused.getMessage().contains("can be renewed from"), refused.getMessage());
        world.client().forgetSelection();
    }

    @When("{string} has the card reissued at the municipal office")
    public void hasTheCardReissued(String personaId) {
        // The card in the reader stands for the new card (as in `mynasim office reissue`): the office
        // makes its keys and certificates; the old card's certificates are revoked at the CA.
        Persona persona = holder(personaId);
        lifecycle.office().reissueCard(persona, world.today(), channel());
        world.forgetCertificates();
        world.client().forgetSelection();
    }

    @Then("the basic 4 on the card show the {word} {string} and the integrity record verifies")
    public void theBasicFourShow(String field, String expected) {
        CardResponse verified = world.client().verify(Pin.TEXT, world.persona().pins().text());
        assertTrue(verified.ok(), "the card-info PIN was refused: SW " + Apdus.swText(verified.sw()));
        CardInfoReader reader = new CardInfoReader(world.client());
        CardInfoReader.BasicFour basic = reader.basicFour();
        switch (field) {
            case "address" -> assertEquals(expected, basic.address(), "address in text EF 0002");
            case "name" -> assertEquals(expected, basic.name(), "name in text EF 0002");
            default -> throw new IllegalArgumentException("name or address, not " + field);
        }
        assertEquals(List.of(), reader.integrityProblems(), "text EF 0003");
    }

    @Then("the card face shows the {word} {string} and its signature verifies")
    public void theCardFaceShows(String field, String expected) {
        CardResponse verified = world.client().verify(Pin.SURFACE_CODE_B, world.persona().verificationCodeB());
        assertTrue(verified.ok(), "照合番号B was refused: SW " + Apdus.swText(verified.sw()));
        CardInfoReader reader = new CardInfoReader(world.client());
        Map<Integer, byte[]> face = reader.cardFace();
        switch (field) {
            case "address" -> assertArrayEquals(CardFaceRenderer.address(expected), face.get(0xDF26), "address image DF26");
            case "name" -> assertArrayEquals(CardFaceRenderer.name(expected), face.get(0xDF25), "name image DF25");
            default -> throw new IllegalArgumentException("name or address, not " + field);
        }
        assertEquals(List.of(), reader.cardFaceSignatureProblems(face), "DF28");
    }

    @Then("the {certificate} on the card is a new one")
    public void theCertificateOnTheCardIsNew(CertificateRef ref) {
        X509Certificate onCard = CertificateSteps.certificate(world, ref);
        X509Certificate issued = CertificateAuthoritySteps.certificateOf(world.persona().id(), ref);
        assertNotEquals(issued.getSerialNumber(), onCard.getSerialNumber(), "serial of the " + ref.words);
        assertNotEquals(issued.getPublicKey(), onCard.getPublicKey(), "the key of the " + ref.words + " (made on the card)");
        assertEquals(CertificateState.GOOD, lifecycle.ca().find(onCard).orElseThrow().state(), "the new certificate at the CA");
    }

    @Then("the signature certificate on the card carries the address {string}")
    public void theSignatureCertificateCarriesTheAddress(String address) {
        X509Certificate onCard = CertificateSteps.certificate(world, CertificateRef.SIGN);
        assertEquals(address, JpkiSan.decode(onCard).get(JpkiSan.OID_ADDRESS), "address in the new signature certificate");
    }

    @Then("the CA lists the {certificate} of {string} as revoked because of {revocationReason}")
    public void theCaListsAsRevokedBecause(CertificateRef ref, String personaId, RevocationReason reason) {
        CertificateRecord record = lifecycle.ca().find(CertificateAuthoritySteps.certificateOf(personaId, ref)).orElseThrow();
        assertEquals(reason, record.reason(), "the " + ref.words + " of " + personaId + " at the CA: " + record.state());
    }

    @Then("a fee of {int} yen is recorded for {string}")
    public void aFeeIsRecorded(int yen, String personaId) {
        List<OfficeLedger.Fee> fees = lifecycle.office().ledger().fees(personaId);
        assertEquals(List.of(yen), fees.stream().map(OfficeLedger.Fee::yen).toList(), "fees of " + personaId);
        assertEquals(MunicipalOffice.REISSUE_FEE_YEN, yen);
    }
}
