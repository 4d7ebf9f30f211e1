package dev.mynasim.glue.steps;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.CardRules;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.world.issuer.CertificateRecord;
import dev.mynasim.world.issuer.CertificateState;
import dev.mynasim.fixtures.pki.JpkiSan;
import dev.mynasim.world.issuer.MunicipalOffice;
import dev.mynasim.world.issuer.OfficeLedger;
import dev.mynasim.world.issuer.RevocationReason;
import dev.mynasim.client.card.CardInfoReader;
import dev.mynasim.client.card.CardResponse;
import dev.mynasim.model.Pin;
import dev.mynasim.world.issuer.TransportIssuerChannel;
import dev.mynasim.glue.steps.ParameterTypes.CertificateRef;
import dev.mynasim.client.transport.Apdus;
import dev.mynasim.simulator.render.CardFaceRenderer;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import io.cucumber.java.ja.ならば;
import io.cucumber.java.ja.もし;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.function.Executable;

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

    /** After an office operation: the card's certificates and 照合番号B are read again, the holder is the office's record. */
    private void afterOperation() {
        world.forgetCertificates();
        world.forgetVerificationCodes();
        world.setHolder(lifecycle.office().current(world.persona()));
        world.client().forgetSelection();
    }

    /**
     * Runs an office operation that must be refused, as the office refuses (an IllegalStateException or
     * IllegalArgumentException of the expected kind, never a fault), with nothing half-done (no journal waits);
     * returns the office's reason.
     */
    private String refusal(Class<? extends RuntimeException> kind, Executable operation) {
        RuntimeException refused = assertThrows(kind, operation);
        assertTrue(refused instanceof IllegalStateException || refused instanceof IllegalArgumentException,
                "refused as the office refuses, not by a fault: " + refused);
        assertTrue(lifecycle.office().ledger().pending().isEmpty(), "nothing half-done: no journal waits");
        world.client().forgetSelection();
        return refused.getMessage();
    }

    @When("{string} has the {pin} reset to {string} at the municipal office")
    @もし("{string}が市区町村窓口で{pin}を{string}に再設定してもらう")
    public void hasThePinReset(String personaId, Pin pin, String newValue) {
        lifecycle.office().resetPin(holder(personaId), pin.label(), newValue, world.today(), channel());
        world.setPin(pin, newValue);
        world.client().forgetSelection();
    }

    @Then("resetting the {pin} of {string} to {string} at the municipal office is refused: {string}")
    @ならば("{pin}の再設定（{string}、新しい値{string}）は市区町村窓口で拒否される: {string}")
    public void resettingIsRefused(Pin pin, String personaId, String newValue, String why) {
        assertEquals(why, refusal(IllegalArgumentException.class,
                () -> lifecycle.office().resetPin(holder(personaId), pin.label(), newValue, world.today(), channel())));
    }

    @When("someone without the issuer key tries to reset the {pin} to {string}")
    @もし("発行者鍵を持たない者が{pin}を{string}に再設定しようとする")
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
    @もし("{string}が{string}に転居し、カードを市区町村窓口に持参する")
    public void movesWithTheCard(String personaId, String newAddress) {
        lifecycle.office().changeAddress(holder(personaId), newAddress, world.today(), channel());
        afterOperation();
    }

    @When("{string} changes name to {string} and brings the card to the municipal office")
    @もし("{string}が氏名を{string}に変更し、カードを市区町村窓口に持参する")
    public void changesNameWithTheCard(String personaId, String newName) {
        lifecycle.office().changeName(holder(personaId), newName, world.today(), channel());
        afterOperation();
    }

    @When("{string} renews the certificates at the municipal office")
    @もし("{string}が市区町村窓口で電子証明書を更新する")
    public void renewsTheCertificates(String personaId) {
        lifecycle.office().renewCertificates(holder(personaId), world.today(), channel());
        afterOperation();
    }

    @Then("renewing the certificates of {string} at the municipal office is refused")
    @ならば("市区町村窓口での{string}の電子証明書の更新は拒否される")
    public void renewingIsRefused(String personaId) {
        String why = refusal(IllegalStateException.class, () -> lifecycle.office().renewCertificates(holder(personaId), world.today(), channel()));
        assertTrue(why.contains("can be renewed from"), why);
    }

    @Then("renewing the certificates of {string} at the municipal office is refused: {string}")
    @ならば("市区町村窓口での{string}の電子証明書の更新は拒否される: {string}")
    public void renewingIsRefusedWith(String personaId, String because) {
        String why = refusal(IllegalStateException.class, () -> lifecycle.office().renewCertificates(holder(personaId), world.today(), channel()));
        assertTrue(why.contains(because), why);
    }

    @When("{string} has the card reissued at the municipal office")
    @もし("{string}が市区町村窓口でカードを再交付してもらう")
    public void hasTheCardReissued(String personaId) {
        // The card in the reader stands for the new card (as in `mynasim office reissue`): the office
        // makes its keys and certificates; the old card's certificates are revoked at the CA.
        Persona persona = holder(personaId);
        lifecycle.office().reissueCard(persona, world.today(), channel());
        afterOperation();
    }

    @When("{string} renews the card at the municipal office")
    @もし("{string}が市区町村窓口でカードを更新する")
    public void renewsTheCard(String personaId) {
        // as for a reissue, the card in the reader stands for the new card
        lifecycle.office().renewCard(holder(personaId), world.today(), channel());
        afterOperation();
    }

    @When("{string} has the period of stay extended to {date} at the municipal office")
    @もし("{string}の在留期間が{date}まで延長され、市区町村窓口で届け出る")
    public void hasThePeriodOfStayExtended(String personaId, LocalDate newEnd) {
        lifecycle.office().extendStay(holder(personaId), newEnd, world.today(), channel());
        afterOperation();
    }

    @When("{string} gets the first signature certificate with the password {string} at the municipal office")
    @もし("{string}が市区町村窓口で署名用パスワード{string}を設定し、初めての署名用電子証明書の発行を受ける")
    public void getsTheFirstSignatureCertificate(String personaId, String password) {
        lifecycle.office().issueFirstSignatureCertificate(holder(personaId), password, world.today(), channel());
        world.setPin(Pin.SIGN, password);
        afterOperation();
    }

    @Then("getting the first signature certificate for {string} with the password {string} at the municipal office is refused: {string}")
    @ならば("市区町村窓口での{string}の初めての署名用電子証明書の発行（署名用パスワード{string}）は拒否される: {string}")
    public void gettingTheFirstSignatureCertificateIsRefused(String personaId, String password, String because) {
        String why = refusal(RuntimeException.class,
                () -> lifecycle.office().issueFirstSignatureCertificate(holder(personaId), password, world.today(), channel()));
        assertTrue(why.contains(because), why);
    }

    @When("the municipal office confirms the loss of the card of {string}")
    @もし("市区町村窓口が{string}のカードの紛失を確認する")
    public void theOfficeConfirmsTheLoss(String personaId) {
        lifecycle.office().confirmLoss(holder(personaId), world.today());
    }

    @When("the card of {string} stays as it was issued")
    @もし("{string}のカードは交付されたままである")
    public void theCardStaysAsIssued(String personaId) {
        holder(personaId);
    }

    @Then("the card records the expiry {date}")
    @ならば("カードの有効期限は{date}と記録されている")
    public void theCardRecordsTheExpiry(LocalDate expected) {
        world.client().forgetSelection();
        CardInfoReader reader = new CardInfoReader(world.client());
        assertEquals(expected, reader.cardRecord().expiry(), "the card's expiry in the common AP's card record");
        CardResponse verified = world.client().verify(Pin.SURFACE_CODE_B, world.pin(Pin.SURFACE_CODE_B));
        assertTrue(verified.ok(), "照合番号B (with the expiry year " + expected.getYear() + ") was refused: SW " + Apdus.swText(verified.sw()));
        byte[] printed = reader.cardFace().get(0xDF29);
        assertEquals(String.format("%1$tY%1$tm%1$td", expected), new String(printed, StandardCharsets.US_ASCII), "the expiry on the card face (DF29)");
        world.client().forgetSelection();
    }

    @Then("the {certificate} on the card is valid from {date} through {date}")
    @ならば("カードの{certificate}の有効期間は{date}から{date}までである")
    public void theCertificateIsValid(CertificateRef ref, LocalDate from, LocalDate through) {
        world.client().forgetSelection();
        if (ref == CertificateRef.SIGN) {
            CardResponse verified = world.client().verify(Pin.SIGN, world.pin(Pin.SIGN));
            assertTrue(verified.ok(), "the signature password was refused: SW " + Apdus.swText(verified.sw()));
        }
        X509Certificate onCard = CertificateSteps.certificate(world, ref);
        assertEquals(CardRules.notBefore(from), onCard.getNotBefore().toInstant(), "notBefore of the " + ref.words + " (00:00 JST)");
        assertEquals(CardRules.notAfter(through), onCard.getNotAfter().toInstant(), "notAfter of the " + ref.words + " (23:59:59 JST)");
        assertEquals(CertificateState.GOOD, lifecycle.ca().find(onCard).orElseThrow().state(), "the " + ref.words + " at the CA");
        world.client().forgetSelection();
    }

    @Then("the card has no signature certificate")
    @ならば("カードに署名用電子証明書はない")
    public void theCardHasNoSignatureCertificate() {
        world.client().forgetSelection();
        world.client().ensureSelected(dev.mynasim.model.CardApplication.JPKI);
        CardResponse select = world.client().selectEf(CertificateRef.SIGN.fid);
        assertEquals(Apdus.swText(0x6A82), Apdus.swText(select.sw()), "SELECT of the signature certificate EF");
        world.client().forgetSelection();
    }

    @Then("the office's history of {string} reads:")
    @ならば("窓口の{string}の履歴は次のとおりである:")
    public void theOfficesHistoryReads(String personaId, io.cucumber.datatable.DataTable table) {
        List<List<String>> expected = table.asLists().subList(1, table.height());
        List<List<String>> actual = lifecycle.office().ledger().history(personaId).stream()
                .map(e -> List.of(e.on().toString(), e.event().words())).toList();
        assertEquals(expected, actual, "the office's history of " + personaId);
    }

    @Then("the basic 4 on the card show the {holderField} {string} and the integrity record verifies")
    @ならば("カードの基本4情報の{holderField}は{string}となり、真正性確認情報が検証できる")
    public void theBasicFourShow(String field, String expected) {
        CardResponse verified = world.client().verify(Pin.TEXT, world.pin(Pin.TEXT));
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

    @Then("the card face shows the {holderField} {string} and its signature verifies")
    @ならば("券面画像の{holderField}は{string}となり、その署名が検証できる")
    public void theCardFaceShows(String field, String expected) {
        CardResponse verified = world.client().verify(Pin.SURFACE_CODE_B, world.pin(Pin.SURFACE_CODE_B));
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
    @ならば("カードの{certificate}は新しいものである")
    public void theCertificateOnTheCardIsNew(CertificateRef ref) {
        X509Certificate onCard = CertificateSteps.certificate(world, ref);
        X509Certificate issued = CertificateAuthoritySteps.certificateOf(world.persona().id(), ref);
        assertNotEquals(issued.getSerialNumber(), onCard.getSerialNumber(), "serial of the " + ref.words);
        assertNotEquals(issued.getPublicKey(), onCard.getPublicKey(), "the key of the " + ref.words + " (made on the card)");
        assertEquals(CertificateState.GOOD, lifecycle.ca().find(onCard).orElseThrow().state(), "the new certificate at the CA");
    }

    @Then("the signature certificate on the card carries the address {string}")
    @ならば("カードの署名用電子証明書の住所は{string}である")
    public void theSignatureCertificateCarriesTheAddress(String address) {
        X509Certificate onCard = CertificateSteps.certificate(world, CertificateRef.SIGN);
        assertEquals(address, JpkiSan.decode(onCard).get(JpkiSan.OID_ADDRESS), "address in the new signature certificate");
    }

    @Then("the CA lists the {certificate} of {string} as revoked because of {revocationReason}")
    @ならば("認証局では{certificate}は{string}のものが{revocationReason}により失効となっている")
    public void theCaListsAsRevokedBecause(CertificateRef ref, String personaId, RevocationReason reason) {
        CertificateRecord record = lifecycle.ca().find(CertificateAuthoritySteps.certificateOf(personaId, ref)).orElseThrow();
        assertEquals(reason, record.reason(), "the " + ref.words + " of " + personaId + " at the CA: " + record.state());
    }

    @Then("a fee of {int} yen is recorded for {string}")
    @ならば("{int}円の手数料が{string}に記録される")
    public void aFeeIsRecorded(int yen, String personaId) {
        List<OfficeLedger.Fee> fees = lifecycle.office().ledger().fees(personaId);
        assertEquals(List.of(yen), fees.stream().map(OfficeLedger.Fee::yen).toList(), "fees of " + personaId);
        assertEquals(MunicipalOffice.REISSUE_FEE_YEN, yen);
    }

    @Then("no fee is recorded for {string}")
    @ならば("{string}に手数料は記録されていない")
    public void noFeeIsRecorded(String personaId) {
        assertEquals(List.of(), lifecycle.office().ledger().fees(personaId), "fees of " + personaId);
    }
}
