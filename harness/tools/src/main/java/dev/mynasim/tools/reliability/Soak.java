package dev.mynasim.tools.reliability;

import dev.mynasim.model.Pin;
import dev.mynasim.model.CommandApdus;
import dev.mynasim.model.CardKey;
import dev.mynasim.model.CardFile;
import dev.mynasim.model.CardApplication;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.client.pcsc.PcscTransport;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.vpcd.VpcdBridge;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Mixed traffic (certificate reads, PIN status queries, correct VERIFYs, signatures) through pcscd to a
 * card served by a {@link VpcdBridge} in this process, for a fixed time. Per minute: RSS, latency
 * percentiles per operation, errors. Half-way, pcscd is restarted once with the project's scripts; the
 * bridge reconnects by itself and the client renews its PC/SC context, and both recovery times are
 * printed. Secrets never appear in the output: only operation names, counts and times.
 */
public final class Soak {

    public record Result(long operations, long errors, long errorsDuringRestart, double bridgeRecoverySeconds,
            double clientRecoverySeconds, boolean ok) {
    }

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SELECT_JPKI = CommandApdus.selectApplication(CardApplication.JPKI.aid());
    private static final byte[] SELECT_AUTH_CERT = CommandApdus.selectFile(CardFile.AUTH_CERTIFICATE.fid());
    private static final byte[] READ_HEADER = HEX.parseHex("00B0000004");
    private static final byte[] SELECT_AUTH_PIN = CommandApdus.selectFile(Pin.AUTH.fid());
    private static final byte[] PIN_STATUS = HEX.parseHex("0020008000".substring(0, 8));
    private static final byte[] SELECT_AUTH_KEY = CommandApdus.selectFile(CardKey.JPKI_AUTH.fid());
    private static final byte[] SHA256_PREFIX = HEX.parseHex("3031300d060960864801650304020105000420");

    private final int port;
    private final String readerName;
    private final long millis;
    private final boolean restart;
    private final PrintStream out;

    public Soak(int port, String readerName, long millis, boolean restart, PrintStream out) {
        this.port = port;
        this.readerName = readerName;
        this.millis = millis;
        this.restart = restart;
        this.out = out;
    }

    public Result run() throws Exception {
        Persona persona = Fixtures.get().personas().defaultPersona();
        byte[] pin = persona.pins().auth().getBytes(StandardCharsets.US_ASCII);
        byte[] verify = new byte[5 + pin.length];
        System.arraycopy(HEX.parseHex("0020008000"), 0, verify, 0, 5);
        verify[4] = (byte) pin.length;
        System.arraycopy(pin, 0, verify, 5, pin.length);
        VirtualCard card = Fixtures.get().newCard(persona);
        long operations = 0;
        long errors = 0;
        long errorsDuringRestart = 0;
        double bridgeRecovery = -1;
        double clientRecovery = -1;
        out.printf("soak: persona %s's card on vpcd port %d (\"%s\"), %.1f minutes, pcscd restart half-way: %s%n",
                persona.id(), port, readerName, millis / 60000.0, restart ? "yes" : "no");
        try (VpcdBridge bridge = new VpcdBridge(card, VpcdBridge.DEFAULT_HOST, port)) {
            bridge.start();
            // Traffic starts once pcscd shows the card: errors before that would be the start-up, not the soak.
            org.awaitility.Awaitility.await("the card in " + readerName).atMost(java.time.Duration.ofSeconds(30))
                    .pollInterval(java.time.Duration.ofMillis(50)).ignoreExceptions()
                    .until(() -> dev.mynasim.client.pcsc.PcscReaders.choose(readerName).isCardPresent());
            long start = System.nanoTime();
            long end = start + millis * 1_000_000;
            long restartAt = restart ? start + millis * 500_000 : Long.MAX_VALUE;
            long restartedAt = 0;
            boolean recovering = false;
            int minute = 0;
            long minuteEnd = start + 60_000_000_000L;
            Map<String, Percentiles> latencies = new LinkedHashMap<>();
            long minuteErrors = 0;
            PcscTransport client = null;
            long counter = 0;
            while (System.nanoTime() < end) {
                long now = System.nanoTime();
                if (now >= minuteEnd) {
                    printMinute(++minute, latencies, minuteErrors);
                    latencies = new LinkedHashMap<>();
                    minuteErrors = 0;
                    minuteEnd += 60_000_000_000L;
                }
                if (now >= restartAt) {
                    restartAt = Long.MAX_VALUE;
                    out.println("soak: restarting pcscd (scripts/stop-pcscd.sh, scripts/start-pcscd.sh)");
                    restartPcscd();
                    restartedAt = System.nanoTime();
                    recovering = true;
                    while (!bridge.isConnected() && System.nanoTime() - restartedAt < 60_000_000_000L) {
                        Thread.onSpinWait();
                        Thread.sleep(1); // polling a flag the bridge's own thread sets; not a test
                    }
                    bridgeRecovery = (System.nanoTime() - restartedAt) / 1e9;
                    out.printf("soak: bridge reconnected to the new pcscd %.3f s after it was ready%n", bridgeRecovery);
                }
                try {
                    if (client == null) {
                        client = PcscTransport.open(readerName);
                    }
                    String operation;
                    long t0 = System.nanoTime();
                    switch ((int) (counter++ % 4)) {
                        case 0 -> {
                            operation = "read";
                            expect(client.transceive(SELECT_JPKI), 0x9000);
                            expect(client.transceive(SELECT_AUTH_CERT), 0x9000);
                            expect(client.transceive(READ_HEADER), 0x9000);
                        }
                        case 1 -> {
                            operation = "pin-status";
                            expect(client.transceive(SELECT_JPKI), 0x9000);
                            expect(client.transceive(SELECT_AUTH_PIN), 0x9000);
                            expect(client.transceive(PIN_STATUS), 0x63C3);
                        }
                        case 2 -> {
                            operation = "verify";
                            expect(client.transceive(SELECT_JPKI), 0x9000);
                            expect(client.transceive(SELECT_AUTH_PIN), 0x9000);
                            expect(client.transceive(verify), 0x9000);
                        }
                        default -> {
                            operation = "sign";
                            expect(client.transceive(SELECT_JPKI), 0x9000);
                            expect(client.transceive(SELECT_AUTH_PIN), 0x9000);
                            expect(client.transceive(verify), 0x9000);
                            expect(client.transceive(SELECT_AUTH_KEY), 0x9000);
                            byte[] digest = MessageDigest.getInstance("SHA-256").digest(Long.toString(counter).getBytes(StandardCharsets.US_ASCII));
                            byte[] sign = new byte[5 + SHA256_PREFIX.length + digest.length + 1];
                            System.arraycopy(HEX.parseHex("802A0080"), 0, sign, 0, 4);
                            sign[4] = (byte) (SHA256_PREFIX.length + digest.length);
                            System.arraycopy(SHA256_PREFIX, 0, sign, 5, SHA256_PREFIX.length);
                            System.arraycopy(digest, 0, sign, 5 + SHA256_PREFIX.length, digest.length);
                            byte[] signature = client.transceive(sign);
                            expect(signature, 0x9000);
                            if (signature.length != 258) {
                                throw new IllegalStateException("signature of " + (signature.length - 2) + " bytes");
                            }
                        }
                    }
                    latencies.computeIfAbsent(operation, k -> new Percentiles()).add((System.nanoTime() - t0) / 1000);
                    operations++;
                    if (recovering) {
                        clientRecovery = (System.nanoTime() - restartedAt) / 1e9;
                        recovering = false;
                        out.printf("soak: client traffic flowing again %.3f s after pcscd was ready%n", clientRecovery);
                    }
                } catch (RuntimeException e) {
                    if (recovering) {
                        errorsDuringRestart++;
                    } else {
                        errors++;
                        minuteErrors++;
                        out.println("soak: error: " + e.getClass().getSimpleName() + ": " + e.getMessage());
                    }
                    if (client != null) {
                        try {
                            client.close();
                        } catch (RuntimeException ignored) {
                            // the context is gone already
                        }
                        client = null;
                    }
                    if (recovering) {
                        Thread.sleep(20); // back-off while pcscd and the bridge come back
                    }
                }
            }
            if (latencies.values().stream().anyMatch(p -> p.count() > 0)) {
                printMinute(++minute, latencies, minuteErrors);
            }
            if (client != null) {
                client.close();
            }
        }
        boolean ok = errors == 0 && (!restart || clientRecovery >= 0);
        out.printf("soak: %,d operations, %d errors outside the restart, %d failed attempts while pcscd restarted,"
                + " bridge recovery %.3f s, client recovery %.3f s, RSS %,d kB at the end: %s%n",
                operations, errors, errorsDuringRestart, bridgeRecovery, clientRecovery, ProcessStatus.rssKb(), ok ? "OK" : "FAILED");
        return new Result(operations, errors, errorsDuringRestart, bridgeRecovery, clientRecovery, ok);
    }

    private void printMinute(int minute, Map<String, Percentiles> latencies, long errors) {
        Runtime runtime = Runtime.getRuntime();
        out.printf("minute %3d: RSS %,d kB, heap used %,d kB, errors %d%n", minute, ProcessStatus.rssKb(),
                (runtime.totalMemory() - runtime.freeMemory()) / 1024, errors);
        latencies.forEach((operation, p) -> out.printf("    %-10s %,7d ops  %s%n", operation, p.count(), p.describe()));
        out.flush();
    }

    private static void expect(byte[] response, int sw) {
        int got = ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
        if (got != sw) {
            throw new IllegalStateException(String.format("status word %04X, expected %04X", got, sw));
        }
    }

    private void restartPcscd() throws Exception {
        Path scripts = Path.of(System.getProperty("mynasim.home", "."), "scripts");
        Process process = new ProcessBuilder("bash", "-c", "bash stop-pcscd.sh && bash start-pcscd.sh")
                .directory(scripts.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException("restarting pcscd failed: " + output.strip());
        }
    }
}
