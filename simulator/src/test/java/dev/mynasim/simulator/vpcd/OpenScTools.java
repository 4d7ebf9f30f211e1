package dev.mynasim.simulator.vpcd;

import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/** The outside clients the PC/SC tests run (OpenSC's tools, openssl): found on the PATH, run with a time limit. */
public final class OpenScTools {

    /** OpenSC's PKCS#11 module, as Debian installs it. */
    public static final Path PKCS11_MODULE = Path.of("/usr/lib/x86_64-linux-gnu/opensc-pkcs11.so");

    private OpenScTools() {
    }

    /** Runs the command and returns its output (stdout and stderr); fails the test if it runs over 60 s. */
    public static String run(String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            fail(String.join(" ", command) + " did not finish in 60 s");
        }
        return new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    }

    /** Signs the message with pkcs11-tool (SHA256-RSA-PKCS, the key with this id, logged in with the PIN); returns its output. */
    public static String pkcs11Sign(String slotIndex, String keyId, String pin, Path message, Path signature)
            throws IOException, InterruptedException {
        return run("pkcs11-tool", "--module", PKCS11_MODULE.toString(), "--slot-index", slotIndex, "--login",
                "--pin", pin, "--sign", "--mechanism", "SHA256-RSA-PKCS", "--id", keyId,
                "-i", message.toString(), "-o", signature.toString());
    }

    /** Verifies the signature with openssl under the public key (written as PEM beside the signature); returns its output. */
    public static String opensslVerify(PublicKey key, Path message, Path signature) throws IOException, InterruptedException {
        Path pem = Files.writeString(signature.resolveSibling(signature.getFileName() + ".key.pem"), "-----BEGIN PUBLIC KEY-----\n"
                + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PUBLIC KEY-----\n");
        return run("openssl", "dgst", "-sha256", "-verify", pem.toString(), "-signature", signature.toString(), message.toString());
    }

    /**
     * Skips the test, with the package to install as the reason, when the tool (or, for pkcs11-tool, OpenSC's
     * module) is missing; fails it instead where PC/SC tests are required ({@link PcscEnvironment#REQUIRE_ENV}).
     */
    public static void require(String tool) {
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
