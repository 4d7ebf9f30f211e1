package dev.mynasim.glue.steps;

import dev.mynasim.model.CardKey;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.model.BerTlv;
import dev.mynasim.model.CardApplication;
import dev.mynasim.model.CardFile;
import dev.mynasim.client.card.CardInfoReader;
import dev.mynasim.client.transport.Apdus;
import dev.mynasim.simulator.issuer.IssuerKeys;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.imageio.ImageIO;

/** Domain steps for the text, surface, 住基 and common APs (docs/card-reference.md §2.2–2.4). */
public class CardInfoSteps {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final CardWorld world;
    private final List<byte[]> challenges = new ArrayList<>();

    public CardInfoSteps(CardWorld world) {
        this.world = world;
    }

    private CardInfoReader reader() {
        return new CardInfoReader(world.client());
    }

    @Given("the {application} is selected")
    public void theApplicationIsSelected(CardApplication application) {
        world.client().select(application);
    }

    @Then("the My Number read from the card is the persona's")
    public void theMyNumberIsThePersonas() {
        // Compared, never printed: the My Number must not reach a report.
        assertTrue(world.persona().myNumber().equals(reader().myNumber()),
                "the My Number on the card differs from the persona's (values not shown)");
    }

    @Then("reading the {cardFile} is refused with {sw}")
    public void readingIsRefused(CardFile file, Integer sw) {
        assertEquals(Apdus.swText(sw), Apdus.swText(reader().tryRead(file).sw()), "status word of reading the " + file.label());
    }

    @Then("the basic 4 read from the card are the persona's")
    public void theBasicFourAreThePersonas() {
        CardInfoReader.BasicFour basic = reader().basicFour();
        assertEquals(world.persona().name(), basic.name(), "name");
        assertEquals(world.persona().address(), basic.address(), "address");
        assertEquals(world.persona().birthDateYyyymmdd(), basic.birthDate(), "birth date");
        assertEquals(world.persona().sexCode(), basic.sexCode(), "sex");
    }

    @Then("the integrity record matches the files and its signature verifies with the key in EF 0004")
    public void theIntegrityRecordVerifies() {
        assertEquals(List.of(), reader().integrityProblems());
    }

    @Then("the card face holds decodable PNG images of the name, the address, the face and the security code")
    public void theCardFaceImagesDecode() throws IOException {
        Map<Integer, byte[]> face = reader().cardFace();
        for (Map.Entry<Integer, String> image : CardInfoReader.CARD_FACE_IMAGES.entrySet()) {
            byte[] bytes = face.get(image.getKey());
            assertNotNull(bytes, "card face has no " + image.getValue() + " image");
            assertNotNull(ImageIO.read(new ByteArrayInputStream(bytes)), image.getValue() + " image does not decode as PNG");
        }
    }

    @Then("the card-face signature verifies with the key in EF 0004")
    public void theCardFaceSignatureVerifies() {
        CardInfoReader reader = reader();
        assertEquals(List.of(), reader.cardFaceSignatureProblems(reader.cardFace()));
    }

    @Then("the My Number image is a {int}x{int} PNG")
    public void theMyNumberImageIs(int width, int height) throws IOException {
        byte[] file = reader().read(CardFile.MY_NUMBER_IMAGE);
        byte[] png = BerTlv.children(BerTlv.at(file, 0).value()).get(0xDF41);
        BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
        assertNotNull(image, "DF41 does not decode as PNG");
        assertEquals(width + "x" + height, image.getWidth() + "x" + image.getHeight(), "My Number image size");
    }

    @Then("the age record holds the persona's birth date")
    public void theAgeRecordHoldsTheBirthDate() {
        byte[] file = reader().read(CardFile.AGE_RECORD);
        byte[] birthDate = BerTlv.children(BerTlv.at(file, 0).value()).get(0xDF11);
        assertEquals(world.persona().birthDateYyyymmdd(), new String(birthDate, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @When("I save the card-face images to {string}")
    public void iSaveTheCardFaceImages(String folder) throws IOException {
        Path directory = Path.of(folder);
        Files.createDirectories(directory);
        Map<Integer, byte[]> face = reader().cardFace();
        for (Map.Entry<Integer, String> image : CardInfoReader.CARD_FACE_IMAGES.entrySet()) {
            Files.write(directory.resolve(image.getValue() + ".png"), face.get(image.getKey()));
        }
    }

    @Then("the folder {string} holds {int} PNG files")
    public void theFolderHoldsPngFiles(String folder, int count) throws IOException {
        try (var files = Files.list(Path.of(folder))) {
            assertEquals(count, files.filter(p -> p.toString().endsWith(".png")).count(), "PNG files in " + folder);
        }
    }

    @Then("the common AP record holds the persona's serial number, municipality code and card expiry")
    public void theCommonRecordHoldsTheCardData() {
        byte[] record = reader().commonRecord();
        String expected = world.persona().serialNumber() + world.persona().municipalityCode()
                + String.format("%1$tY%1$tm%1$td", world.persona().cardExpiry());
        assertEquals("01 1C", Apdus.toHex(record, 0, 2), "simple-TLV header of record 1");
        assertEquals(expected, new String(record, 2, record.length - 2, java.nio.charset.StandardCharsets.US_ASCII));
    }

    @Then("the common AP signs a random challenge with INTERNAL AUTHENTICATE, verifiable with the persona's key")
    public void theCommonApAuthenticates() throws Exception {
        byte[] challenge = new byte[32];
        RANDOM.nextBytes(challenge);
        byte[] signature = reader().internalAuthenticate(CardKey.COMMON_AUTHENTICATION.application(), CardKey.COMMON_AUTHENTICATION.fid(), challenge)
                .require("INTERNAL AUTHENTICATE");
        Signature verifier = Signature.getInstance("SHA256withRSA");
        // The key is not on the card; the fixtures derive it (IssuerKeys).
        verifier.initVerify(IssuerKeys.forHolder(world.persona().id()).commonAuthentication().getPublic());
        verifier.update(challenge);
        assertTrue(verifier.verify(signature), "INTERNAL AUTHENTICATE signature does not verify with the persona's key");
    }

    @When("I ask for a challenge of {int} bytes")
    public void iAskForAChallenge(int length) {
        var response = reader().challenge(length);
        world.setLast(response);
        challenges.add(response.require("GET CHALLENGE"));
        assertEquals(length, response.data().length, "challenge length");
    }

    @Then("the last two challenges differ")
    public void theLastTwoChallengesDiffer() {
        assertTrue(challenges.size() >= 2, "this step needs two challenges");
        byte[] last = challenges.get(challenges.size() - 1);
        byte[] previous = challenges.get(challenges.size() - 2);
        assertTrue(!java.util.Arrays.equals(last, previous), "two challenges are equal: " + Apdus.toHex(last));
    }
}
