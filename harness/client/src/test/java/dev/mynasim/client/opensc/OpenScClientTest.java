package dev.mynasim.client.opensc;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.model.CardApplication;
import dev.mynasim.model.Pin;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.simulator.Applications;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.VirtualCards;
import dev.mynasim.simulator.state.CardState;
import dev.mynasim.simulator.vpcd.OpenScTools;
import dev.mynasim.simulator.vpcd.RequiresPcsc;
import dev.mynasim.simulator.vpcd.VpcdBridge;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * OpenSC, unmodified, as an outside client of the virtual card in "Virtual PCD 00 00": its jpki
 * driver must list the certificates, sign with both keys (checked by openssl), and lock the PINs
 * after 3 (user-proof) and 5 (signature) wrong tries. Mandatory in CI (MYNASIM_REQUIRE_PCSC=1).
 */
@RequiresPcsc
class OpenScClientTest {

    private static final String READER = "Virtual PCD 00 00";

    @TempDir
    Path dir;

    private Persona persona;
    private VirtualCard card;
    private VpcdBridge bridge;

    @BeforeEach
    void serveTheCard() throws Exception {
        OpenScTools.require("pkcs15-tool");
        OpenScTools.require("pkcs11-tool");
        OpenScTools.require("openssl");
        serve("hanako");
    }

    /** Puts the persona's card in the reader (replacing the one there) and waits for OpenSC to see it. */
    private void serve(String personaId) throws Exception {
        if (bridge != null) {
            takeTheCardOut();
        }
        persona = Fixtures.get().personas().byId(personaId);
        card = VirtualCards.issue(persona, Fixtures.get().pki(), CardProfile.CONTACT);
        bridge = new VpcdBridge(card, VpcdBridge.DEFAULT_HOST, VpcdBridge.SLOT0_PORT).start();
        await("card in " + READER).atMost(Duration.ofSeconds(10)).until(() -> OpenScTools.run("opensc-tool", "--list-readers")
                .lines().anyMatch(line -> line.contains("Yes") && line.contains(READER)));
    }

    @AfterEach
    void takeTheCardOut() {
        if (bridge != null) {
            bridge.close();
            bridge = null;
            await("card out of " + READER).atMost(Duration.ofSeconds(10)).until(() -> OpenScTools.run("opensc-tool", "--list-readers")
                    .lines().noneMatch(line -> line.contains("Yes") && line.contains(READER)));
        }
    }

    @Test
    void pkcs15ToolListsBothCertificates() throws Exception {
        String out = OpenScTools.run("pkcs15-tool", "--reader", READER, "--list-certificates");
        assertTrue(out.contains("User Authentication Certificate"), out);
        assertTrue(out.contains("Digital Signature Certificate"), out);
        assertTrue(out.contains("Path           : 000a"), out);
    }

    @Test
    void pkcs11ToolSignsWithTheAuthKeyAndOpensslVerifies() throws Exception {
        X509Certificate certificate = Fixtures.get().pki().credentials(persona).authCertificate();
        signAndVerify("0", "01", persona.pins().auth(), certificate);
    }

    @Test
    void pkcs11ToolSignsWithTheSignKeyAndOpensslVerifies() throws Exception {
        X509Certificate certificate = Fixtures.get().pki().credentials(persona).signCertificate().orElseThrow();
        signAndVerify("1", "02", persona.pins().sign().orElseThrow(), certificate);
    }

    @Test
    void wrongUserProofPinsThroughOpenScLockAfterThree() throws Exception {
        for (int i = 1; i <= 3; i++) {
            String out = sign("0", "01", "0000", dir.resolve("x.sig"));
            assertTrue(out.contains("CKR_PIN_INCORRECT") || out.contains("CKR_PIN_LOCKED"), out);
            assertEquals(3 - i, triesLeft(Pin.AUTH), "user-proof PIN tries after " + i + " wrong PIN(s) through OpenSC");
        }
        // The card answers 6984 (blocked); OpenSC 0.23 reports that as a failed C_Login.
        String out = sign("0", "01", persona.pins().auth(), dir.resolve("x.sig"));
        assertTrue(out.contains("C_Login failed") && !Files.exists(dir.resolve("x.sig")), "the right PIN must not open a locked card: " + out);
        assertEquals(0, triesLeft(Pin.AUTH));
    }

    @Test
    void wrongSignaturePasswordsThroughOpenScLockAfterFive() throws Exception {
        for (int i = 1; i <= 5; i++) {
            sign("1", "02", "WRONG0PASS", dir.resolve("x.sig"));
            assertEquals(5 - i, triesLeft(Pin.SIGN), "signature password tries after " + i + " wrong password(s) through OpenSC");
        }
        String out = sign("1", "02", persona.pins().sign().orElseThrow(), dir.resolve("x.sig"));
        assertTrue(out.contains("C_Login failed") && !Files.exists(dir.resolve("x.sig")), "the right password must not open a locked card: " + out);
        assertEquals(0, triesLeft(Pin.SIGN), "still locked after the right password");
    }

    /**
     * A child's card (no signature certificate, key or password) still binds in OpenSC's JPKI emulator,
     * which asks both PINs' tries first: the never-set password answers 63C0 (docs/card-choices.md), so
     * the user-proof key signs through pkcs11 and the signature slot shows a locked PIN.
     */
    @Test
    void aChildsCardWithoutSignatureCertificateSignsWithTheUserProofKey() throws Exception {
        serve("hikari");
        String pins = OpenScTools.run("pkcs15-tool", "--reader", READER, "--list-pins");
        assertTrue(pins.contains("User Authentication PIN") && pins.contains("Digital Signature PIN"), pins);
        assertTrue(pins.contains("Tries left     : 0"), "the never-set signature password shows no tries: " + pins);
        X509Certificate certificate = Fixtures.get().pki().credentials(persona).authCertificate();
        signAndVerify("0", "01", persona.pins().auth(), certificate);
        String refused = sign("1", "02", "ANY0PASS", dir.resolve("x.sig"));
        assertTrue(!Files.exists(dir.resolve("x.sig")), "no signature key on a child's card: " + refused);
    }

    private void signAndVerify(String slotIndex, String id, String pin, X509Certificate certificate) throws Exception {
        Path message = Files.writeString(dir.resolve("message.txt"), "MynaSim through OpenSC " + id);
        Path signature = dir.resolve("message.sig");
        String out = sign(slotIndex, id, pin, signature);
        assertTrue(Files.exists(signature) && Files.size(signature) == 256, "pkcs11-tool made no 256-byte signature: " + out);
        String verified = OpenScTools.opensslVerify(certificate.getPublicKey(), message, signature);
        assertTrue(verified.contains("Verified OK"), verified);
    }

    private String sign(String slotIndex, String id, String pin, Path signature) throws Exception {
        Files.deleteIfExists(signature);
        Path message = dir.resolve("message.txt");
        if (!Files.exists(message)) {
            Files.writeString(message, "MynaSim through OpenSC");
        }
        return OpenScTools.pkcs11Sign(slotIndex, id, pin, message, signature);
    }

    private int triesLeft(Pin pin) {
        return CardState.decode(card.exportState()).triesLeft(CardApplication.JPKI.aid()).get(pin.fid());
    }
}
