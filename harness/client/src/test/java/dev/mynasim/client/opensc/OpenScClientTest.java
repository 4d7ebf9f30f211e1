package dev.mynasim.client.opensc;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mynasim.model.CardApplication;
import dev.mynasim.model.Pin;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.simulator.Applications;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.VirtualCards;
import dev.mynasim.simulator.state.CardState;
import dev.mynasim.simulator.vpcd.PcscEnvironment;
import dev.mynasim.simulator.vpcd.RequiresPcsc;
import dev.mynasim.simulator.vpcd.VpcdBridge;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
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

    private static final Path PKCS11_MODULE = Path.of("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so");
    private static final String READER = "Virtual PCD 00 00";

    @TempDir
    Path dir;

    private Persona persona;
    private VirtualCard card;
    private VpcdBridge bridge;

    @BeforeEach
    void serveTheCard() throws Exception {
        requireTool("pkcs15-tool");
        requireTool("pkcs11-tool");
        requireTool("openssl");
        persona = Fixtures.get().personas().byId("hanako");
        card = VirtualCards.issue(persona, Fixtures.get().pki(), CardProfile.CONTACT);
        bridge = new VpcdBridge(card, VpcdBridge.DEFAULT_HOST, VpcdBridge.SLOT0_PORT).start();
        await("card in " + READER).atMost(Duration.ofSeconds(10)).until(() -> run("opensc-tool", "--list-readers")
                .lines().anyMatch(line -> line.contains("Yes") && line.contains(READER)));
    }

    @AfterEach
    void takeTheCardOut() {
        if (bridge != null) {
            bridge.close();
            await("card out of " + READER).atMost(Duration.ofSeconds(10)).until(() -> run("opensc-tool", "--list-readers")
                    .lines().noneMatch(line -> line.contains("Yes") && line.contains(READER)));
        }
    }

    @Test
    void pkcs15ToolListsBothCertificates() throws Exception {
        String out = run("pkcs15-tool", "--reader", READER, "--list-certificates");
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

    private void signAndVerify(String slotIndex, String id, String pin, X509Certificate certificate) throws Exception {
        Path message = Files.writeString(dir.resolve("message.txt"), "MynaSim through OpenSC " + id);
        Path signature = dir.resolve("message.sig");
        String out = sign(slotIndex, id, pin, signature);
        assertTrue(Files.exists(signature) && Files.size(signature) == 256, "pkcs11-tool made no 256-byte signature: " + out);
        Path publicKey = Files.writeString(dir.resolve("key.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(certificate.getPublicKey().getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        String verified = run("openssl", "dgst", "-sha256", "-verify", publicKey.toString(), "-signature", signature.toString(), message.toString());
        assertTrue(verified.contains("Verified OK"), verified);
    }

    private String sign(String slotIndex, String id, String pin, Path signature) throws Exception {
        Files.deleteIfExists(signature);
        Path message = dir.resolve("message.txt");
        if (!Files.exists(message)) {
            Files.writeString(message, "MynaSim through OpenSC");
        }
        return run("pkcs11-tool", "--module", PKCS11_MODULE.toString(), "--slot-index", slotIndex, "--login",
                "--pin", pin, "--sign", "--mechanism", "SHA256-RSA-PKCS", "--id", id,
                "-i", message.toString(), "-o", signature.toString());
    }

    private int triesLeft(Pin pin) {
        return CardState.decode(card.exportState()).triesLeft(CardApplication.JPKI.aid()).get(pin.fid());
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 60 s");
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    private static void requireTool(String tool) {
        boolean present = List.of(System.getenv().getOrDefault("PATH", "/usr/bin").split(":")).stream()
                .anyMatch(folder -> Files.isExecutable(Path.of(folder, tool)));
        if (!present || (tool.startsWith("pkcs11") && !Files.exists(PKCS11_MODULE))) {
            String reason = tool + " (OpenSC/openssl) is not installed: apt-get install -y --no-install-recommends opensc openssl";
            if (PcscEnvironment.required()) {
                fail(PcscEnvironment.REQUIRE_ENV + "=1 but " + reason);
            }
            System.err.println("SKIPPED " + reason);
            Assumptions.abort(reason);
        }
    }
}
