package dev.mynasim.cli;

import dev.mynasim.client.transport.Apdus;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.client.pcsc.PcscReaders;
import dev.mynasim.client.pcsc.PcscTransport;
import dev.mynasim.simulator.vpcd.RequiresPcsc;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.CardException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mynasim serve} as a separate process, the way vendors run it: killed with SIGKILL right
 * after a wrong PIN it must come back with one try fewer; SIGTERM stops it cleanly; closing its
 * standard input does not stop it.
 */
@RequiresPcsc
class ServeProcessTest {

    private static final String READER = "Virtual PCD 00 00";
    private static final Duration PRESENCE = Duration.ofSeconds(15);

    @TempDir
    Path dir;

    private Process serve;

    @AfterEach
    void stopServe() throws Exception {
        if (serve != null && serve.isAlive()) {
            serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        awaitCard(false);
    }

    @Test
    void aKilledServerComesBackWithTheSpentTry() throws Exception {
        Path state = dir.resolve("hanako.json");
        serve = startServe(state);
        awaitCard(true);
        try (PcscTransport card = PcscTransport.open(READER)) {
            selectAuthPin(card);
            assertEquals(0x63C2, Apdus.sw(card.transceive(hex("00 20 00 80 04 30 30 30 30"))), "one wrong PIN");
        }
        serve.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        awaitCard(false);

        serve = startServe(state);
        awaitCard(true);
        try (PcscTransport card = PcscTransport.open(READER)) {
            selectAuthPin(card);
            assertEquals(0x63C2, Apdus.sw(card.transceive(hex("00 20 00 80"))), "after kill -9 and a restart, the try stays spent");
        }
        assertTrue(Files.readString(state).contains("\"persona\" : \"hanako\""));
    }

    @Test
    void closedStandardInputKeepsServingAndSigtermStopsCleanly() throws Exception {
        serve = startServe(dir.resolve("state.json"));
        awaitCard(true);
        serve.getOutputStream().close();
        await("serve to notice its closed standard input").atMost(PRESENCE)
                .until(() -> output(serve).contains("standard input closed; still serving"));
        // Still serving: once pcscd shows the card, it stays there for a second with stdin closed.
        await("the card to stay in the reader after stdin closed").atMost(PRESENCE).during(Duration.ofSeconds(1))
                .pollInterval(Duration.ofMillis(50)).until(() -> PcscReaders.choose(READER).isCardPresent());
        serve.destroy();
        assertTrue(serve.waitFor(10, TimeUnit.SECONDS), "serve stops on SIGTERM");
        assertEquals(0, serve.exitValue(), "a clean stop: " + output(serve));
        assertTrue(output(serve).contains("serve: stopped"));
    }

    private Process startServe(Path state) throws IOException {
        Path log = dir.resolve("serve-" + System.nanoTime() + ".log");
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"),
                "-Dmynasim.home=" + Path.of("").toAbsolutePath(),
                MynasimCommand.class.getName(), "serve", "--persona", "hanako", "--slot", "0", "--state", state.toString());
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        logs.put(process, log);
        return process;
    }

    private final java.util.Map<Process, Path> logs = new java.util.HashMap<>();

    private String output(Process process) throws IOException {
        return Files.readString(logs.get(process), StandardCharsets.UTF_8);
    }

    private static void selectAuthPin(PcscTransport card) {
        assertEquals(0x9000, Apdus.sw(card.transceive(hex("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"))));
        assertEquals(0x9000, Apdus.sw(card.transceive(hex("00 A4 02 0C 02 00 18"))));
    }

    private static void awaitCard(boolean present) {
        await("a card " + (present ? "in " : "gone from ") + READER).atMost(PRESENCE).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    try {
                        return PcscReaders.choose(READER).isCardPresent() == present;
                    } catch (CardException | RuntimeException e) {
                        return false;
                    }
                });
    }

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

}
