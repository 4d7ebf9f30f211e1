package dev.mynasim.simulator.vpcd;

import static java.time.Duration.ofSeconds;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javax.smartcardio.Card;
import javax.smartcardio.CardTerminal;

import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Restarts the machine's pcscd (with scripts/stop-pcscd.sh and scripts/start-pcscd.sh, so it needs root) and
 * checks that the bridge is back without help. pcscd is left running afterwards.
 *
 * <p>The restart kills this JVM's PC/SC context; the check after it uses
 * {@link PcscEnvironment#freshTerminalFactory()}, which needs surefire's
 * {@code --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED}.
 */
@RequiresPcsc
class PcscdRestartTest {

    @Test
    void bridgeIsBackWithinTwoSecondsAfterPcscdRestarts() throws Exception {
        Path scripts = scriptsDir();
        canRestartPcscdOrSkip(scripts);
        assertTrue(PcscEnvironment.canResetContext(), "this test needs the JVM flag "
                + "--add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED (see simulator/pom.xml)");

        TestCard testCard = new TestCard(TestCard.CONTACT_ATR);
        try (VpcdBridge bridge = new VpcdBridge(testCard).start()) {
            CardTerminal before = PcscEnvironment.freshTerminalFactory().terminals()
                    .getTerminal(VpcdBridgePcscTest.READER);
            await().atMost(ofSeconds(3)).until(before::isCardPresent);
            long connectionsBefore = bridge.connectionCount();

            run(scripts.resolve("stop-pcscd.sh"));
            await().atMost(ofSeconds(3)).until(() -> !bridge.isConnected());
            assertTrue(bridge.isRunning());

            run(scripts.resolve("start-pcscd.sh"));
            await().atMost(ofSeconds(2)).until(bridge::isConnected);
            assertTrue(bridge.connectionCount() > connectionsBefore);

            CardTerminal after = PcscEnvironment.freshTerminalFactory().terminals()
                    .getTerminal(VpcdBridgePcscTest.READER);
            await().atMost(ofSeconds(2)).until(after::isCardPresent);
            Card card = after.connect("*");
            try {
                assertArrayEquals(TestCard.CONTACT_ATR, card.getATR().getBytes());
                assertEquals(0x9000, card.getBasicChannel()
                        .transmit(new javax.smartcardio.CommandAPDU(TestCard.hex("00B0000000"))).getSW());
            } finally {
                card.disconnect(false);
            }
        }
    }

    private static void canRestartPcscdOrSkip(Path scripts) {
        String why = null;
        if (scripts == null) {
            why = "scripts/start-pcscd.sh not found above " + System.getProperty("user.dir");
        } else if (!"root".equals(System.getProperty("user.name"))) {
            why = "restarting pcscd needs root (running as " + System.getProperty("user.name") + ")";
        } else if (!Files.isReadable(PcscEnvironment.PCSCD_PID_FILE)) {
            why = "pcscd was not started as a daemon (no " + PcscEnvironment.PCSCD_PID_FILE
                    + "); start it with scripts/start-pcscd.sh";
        }
        if (why != null) {
            if (PcscEnvironment.required()) {
                fail(PcscEnvironment.REQUIRE_ENV + "=1 but cannot restart pcscd: " + why);
            }
            System.err.println("SKIPPED pcscd restart test: " + why);
            Assumptions.abort("SKIPPED pcscd restart test: " + why);
        }
    }

    static Path scriptsDir() {
        for (Path p = Path.of(System.getProperty("user.dir")).toAbsolutePath(); p != null; p = p.getParent()) {
            if (Files.isExecutable(p.resolve("scripts/start-pcscd.sh"))) {
                return p.resolve("scripts");
            }
        }
        return null;
    }

    /** Runs a script with its output in a file (pcscd daemonises; it must not hold a pipe of ours open). */
    private static void run(Path script) throws IOException, InterruptedException {
        File log = File.createTempFile("mynasim-" + script.getFileName(), ".log");
        try {
            Process p = new ProcessBuilder("bash", script.toString())
                    .redirectErrorStream(true)
                    .redirectOutput(log)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!p.waitFor(20, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(script + " did not finish within 20 s: " + Files.readString(log.toPath()));
            }
            String out = Files.readString(log.toPath());
            System.err.print(out);
            assertEquals(0, p.exitValue(), script + " failed: " + out);
        } finally {
            Files.deleteIfExists(log.toPath());
        }
    }
}
