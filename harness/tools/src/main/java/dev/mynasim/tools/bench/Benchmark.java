package dev.mynasim.tools.bench;

import static org.awaitility.Awaitility.await;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.model.CardApplication;
import dev.mynasim.model.CardFile;
import dev.mynasim.client.card.CardClient;
import dev.mynasim.model.KeyRef;
import dev.mynasim.model.Pin;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.client.pcsc.PcscReaders;
import dev.mynasim.client.pcsc.PcscTransport;
import dev.mynasim.client.transport.Apdus;
import dev.mynasim.client.transport.Transport;
import dev.mynasim.simulator.Applications;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.VirtualCards;
import dev.mynasim.simulator.issuer.ApplicationImage;
import dev.mynasim.simulator.issuer.CardImages;
import dev.mynasim.simulator.issuer.Personaliser;
import dev.mynasim.simulator.vpcd.PcscEnvironment;
import dev.mynasim.simulator.vpcd.VpcdBridge;
import dev.mynasim.applet.JpkiApplet;
import com.licel.jcardsim.base.Simulator;
import com.licel.jcardsim.remote.VSmartCard;
import dev.mynasim.client.backend.SimBackend;
import java.io.IOException;
import java.io.Writer;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javacard.framework.AID;

/**
 * APDU round trips, the JPKI sign flow and READ BINARY throughput through each path, measured side by
 * side in one run: the card in this JVM (bare, and behind the sim backend's reader), the same JPKI
 * applet in raw jCardSim with no MynaSim layer, the card through pcscd with our vpcd bridge, and the
 * same applet through pcscd with jCardSim's own VSmartCard bridge (the baseline). Then the ratios the
 * targets are stated in (docs/performance.md), and the wall time of the whole suite ({@code check},
 * JVM start included) on sim and on vpcd. Prints figures; asserts nothing.
 */
public final class Benchmark {

    private static final byte[] SELECT_EF = Apdus.fromHex("00 A4 02 0C 02 00 0A");
    private static final byte[] DIGEST_INFO = CardClient.sha256DigestInfo("benchmark".getBytes(StandardCharsets.UTF_8));

    private static final int IN_PROCESS_WARM_UP = 20_000;
    private static final int PCSC_WARM_UP = 200;

    private final int apdus;
    private final int flows;
    private final PrintStream out;

    public Benchmark(int apdus, int flows, PrintStream out) {
        this.apdus = apdus;
        this.flows = flows;
        this.out = out;
    }

    /** One path's figures. */
    private record Figures(double medianMillis, double p99Millis) {
    }

    /**
     * Measures every path and prints the figures and their ratios.
     *
     * @param baseline also measure jCardSim's VSmartCard through pcscd (vpcd slot 1, about 44 ms per APDU)
     * @param suite also time {@code mynasim check} on sim and on vpcd, each in a JVM of its own
     */
    public void run(boolean baseline, boolean suite) throws Exception {
        Persona persona = Fixtures.get().personas().defaultPersona();
        out.printf("MynaSim benchmark, %s: %d APDUs and %d sign flows per path, persona %s, %d cores, load average %.1f%n",
                LocalDate.now(ZoneId.systemDefault()), apdus, flows, persona.id(), Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        out.println("(ratios are the figures to compare: each pair is measured in this run, on this machine's load)");
        out.println();
        out.printf("%-38s %13s %13s %10s %14s %14s %16s%n", "path", "APDU median", "APDU p99", "APDU/s",
                "sign flow med", "sign flow p99", "READ 255 / ext");

        VirtualCard inProcess = newCard(persona);
        // In-process paths warm up long enough for the JIT to compile them (about 10,000 calls), each its
        // own code, so that neither is measured half-interpreted.
        Figures sim = measure("in-process MynaSim (VirtualCard)", inProcess::transmit, persona, IN_PROCESS_WARM_UP);
        Figures raw = measure("in-process raw jCardSim, same applets", rawJcardsim(persona), persona, IN_PROCESS_WARM_UP);
        measure("in-process via the sim backend", new SimBackend(newCard(persona)).transport(), persona, IN_PROCESS_WARM_UP);
        out.println();
        ratio("in-process MynaSim / raw jCardSim, median", sim.medianMillis() / raw.medianMillis(), "at most 3x");

        PcscEnvironment.Status status = PcscEnvironment.check(VpcdBridge.SLOT0_PORT);
        if (!status.ready()) {
            out.println("pcscd paths and the vpcd suite skipped: " + status.describe());
            if (suite) {
                timeSuite("sim");
            }
            return;
        }
        Figures bridge;
        try (VpcdBridge vpcd = new VpcdBridge(newCard(persona), VpcdBridge.DEFAULT_HOST, VpcdBridge.SLOT0_PORT).start();
                PcscTransport transport = openWhenPresent("Virtual PCD 00 00")) {
            bridge = measure("pcscd + MynaSim vpcd bridge", transport, persona, PCSC_WARM_UP);
            if (vpcd.apduCount() == 0) {
                throw new IllegalStateException("the commands did not go through MynaSim's bridge on port " + vpcd.port());
            }
        }
        ratio("pcscd + MynaSim bridge: median", bridge.medianMillis(), "at most 0.15 ms on a quiet machine");
        ratio("pcscd + MynaSim bridge: p99", bridge.p99Millis(), "at most 0.5 ms on a quiet machine");
        if (suite) {
            timeSuite("sim");
            timeSuite("vpcd");
        }
        if (baseline) {
            // Last: VSmartCard's I/O thread never stops.
            Figures stock = measure("pcscd + jCardSim VSmartCard", startVSmartCardBaseline(persona), persona, PCSC_WARM_UP);
            ratio("stock bridge / MynaSim bridge, median", stock.medianMillis() / bridge.medianMillis(), "at least 300x");
        }
    }

    private void ratio(String what, double value, String target) {
        out.printf("  %-48s %10.2f   (target: %s)%n", what, value, target);
    }

    /**
     * {@code mynasim check} on the reader, as a user runs it (launcher, JVM start included), reports in a
     * temporary folder; prints its wall time and its summary line.
     */
    private void timeSuite(String reader) throws IOException, InterruptedException {
        Path home = Path.of(System.getProperty("mynasim.home", "."));
        Path launcher = home.resolve("mynasim");
        if (!Files.isExecutable(launcher)) {
            out.println("  suite on " + reader + ": skipped, no launcher at " + launcher);
            return;
        }
        Path reports = Files.createTempDirectory("mynasim-bench-suite");
        Path log = reports.resolve("check.log");
        long start = System.nanoTime();
        Process check = new ProcessBuilder(launcher.toString(), "check", "--reader", reader, "--report-dir",
                reports.toString()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        int exit = check.waitFor();
        double seconds = (System.nanoTime() - start) / 1e9;
        String summary = Files.readAllLines(log).stream().filter(line -> line.matches("\\d+ passed, \\d+ failed.*"))
                .findFirst().orElse("no summary line; see " + log);
        out.printf("  %-48s %10.1f s (exit %d: %s; target: at most %s s on 2 cores)%n", "suite wall time on " + reader,
                seconds, exit, summary, reader.equals("sim") ? "12" : "20");
    }

    private static VirtualCard newCard(Persona persona) {
        return VirtualCards.issue(persona, Fixtures.get().pki(), CardProfile.CONTACT);
    }

    private Figures measure(String path, Transport transport, Persona persona, int warmUpApdus) {
        CardClient client = new CardClient(transport);
        client.select(CardApplication.JPKI);
        for (int i = 0; i < warmUpApdus; i++) {
            transport.transceive(SELECT_EF);
        }
        Timings round = new Timings();
        for (int i = 0; i < apdus; i++) {
            long start = System.nanoTime();
            transport.transceive(SELECT_EF);
            round.add(System.nanoTime() - start);
        }
        for (int i = 0; i < Math.min(20, flows); i++) {
            signFlow(client, persona);
        }
        Timings flow = new Timings();
        for (int i = 0; i < flows; i++) {
            long start = System.nanoTime();
            signFlow(client, persona);
            flow.add(System.nanoTime() - start);
        }
        double shortRead = readThroughput(client, false);
        double extendedRead = readThroughput(client, true);
        out.printf("%-38s %10.1f us %10.1f us %10.0f %11.2f ms %11.2f ms %7.0f / %.0f KB/s%n", path,
                round.percentileMillis(50) * 1000, round.percentileMillis(99) * 1000, round.count() / round.totalSeconds(),
                flow.percentileMillis(50), flow.percentileMillis(99), shortRead, extendedRead);
        return new Figures(round.percentileMillis(50), round.percentileMillis(99));
    }

    /**
     * jCardSim's own Simulator with the card's applets (the same six: jCardSim looks the selected applet
     * up among the installed ones on every command), personalised with the same issuer commands, and
     * nothing of MynaSim around it.
     */
    private static Transport rawJcardsim(Persona persona) {
        Simulator simulator = new Simulator();
        List<ApplicationImage> images = CardImages.forPersona(persona, Fixtures.get().pki().credentials(persona),
                Fixtures.get().pki().authCaCertificate(), Fixtures.get().pki().signCaCertificate());
        for (ApplicationImage image : images) {
            byte[] aid = image.aid();
            simulator.installApplet(new AID(aid, (short) 0, (byte) aid.length), Applications.appletClass(aid));
        }
        Personaliser personaliser = new Personaliser(simulator::transmitCommand);
        images.forEach(image -> personaliser.personalise(image, true));
        return simulator::transmitCommand;
    }

    private static ApplicationImage jpkiImage(Persona persona) {
        return CardImages.forPersona(persona, Fixtures.get().pki().credentials(persona),
                Fixtures.get().pki().authCaCertificate(), Fixtures.get().pki().signCaCertificate()).stream()
                .filter(image -> image.hasAid(CardApplication.JPKI.aid())).findFirst().orElseThrow();
    }

    /** SELECT the application, VERIFY the user-proof PIN, SELECT the key, sign a DigestInfo. */
    private static void signFlow(CardClient client, Persona persona) {
        client.select(CardApplication.JPKI);
        client.verify(Pin.AUTH, persona.pins().auth()).require("VERIFY");
        client.sign(KeyRef.AUTH, DIGEST_INFO).require("sign");
    }

    /** KB/s reading the user-proof certificate (EF 000A) in 255-byte READ BINARYs, or in one extended READ. */
    private double readThroughput(CardClient client, boolean extended) {
        client.select(CardApplication.JPKI);
        client.selectEf(CardFile.AUTH_CERTIFICATE.fid()).require("SELECT EF 000A");
        byte[] header = client.readBinary(0, 4).require("READ header");
        int total = ((header[2] & 0xFF) << 8 | (header[3] & 0xFF)) + 4;
        int rounds = 50;
        long start = System.nanoTime();
        long bytes = 0;
        for (int r = 0; r < rounds; r++) {
            if (extended) {
                bytes += client.readBinary(0, total).require("extended READ").length;
            } else {
                for (int offset = 0; offset < total; offset += 255) {
                    bytes += client.readBinary(offset, Math.min(255, total - offset)).require("READ").length;
                }
            }
        }
        return bytes / 1024.0 / ((System.nanoTime() - start) / 1e9);
    }

    private static PcscTransport openWhenPresent(String reader) {
        await(reader + " to show the card").atMost(Duration.ofSeconds(15)).pollInterval(Duration.ofMillis(50))
                .until(() -> {
                    try {
                        return PcscReaders.choose(reader).isCardPresent();
                    } catch (RuntimeException e) {
                        return false;
                    }
                });
        return PcscTransport.open(reader);
    }

    /**
     * jCardSim's VSmartCard on vpcd slot 1 with the same JPKI applet, personalised through PC/SC with the
     * same issuer commands a physical card would get. Its I/O thread never stops, so this runs last.
     */
    /**
     * jCardSim's own VSmartCard bridge with the JPKI applet, in a JVM of its own as its users run it
     * ({@code java com.licel.jcardsim.remote.VSmartCard <config>}): that JVM's output, jCardSim's stack traces
     * among it (a ClassNotFoundException for its GlobalPlatform runtime at start, a SocketException at
     * shutdown), goes to a log file, never to the benchmark's reader.
     */
    private Transport startVSmartCardBaseline(Persona persona) throws Exception {
        Path work = Files.createTempDirectory("mynasim-bench-stock-bridge");
        Path config = work.resolve("jcardsim.cfg");
        Properties properties = new Properties();
        properties.setProperty("com.licel.jcardsim.vsmartcard.host", VpcdBridge.DEFAULT_HOST);
        properties.setProperty("com.licel.jcardsim.vsmartcard.port", Integer.toString(VpcdBridge.SLOT1_PORT));
        properties.setProperty("com.licel.jcardsim.vsmartcard.reloader.port", "0");
        properties.setProperty("com.licel.jcardsim.card.applet.0.AID", HexFormat.of().formatHex(CardApplication.JPKI.aid()));
        properties.setProperty("com.licel.jcardsim.card.applet.0.Class", JpkiApplet.class.getName());
        try (Writer writer = Files.newBufferedWriter(config, StandardCharsets.UTF_8)) {
            properties.store(writer, "jCardSim's VSmartCard bridge for mynasim bench (the stock baseline)");
        }
        Path log = work.resolve("stock-bridge.log");
        Process bridge = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), VSmartCard.class.getName(), config.toString())
                .redirectErrorStream(true).redirectOutput(log.toFile()).start();
        Runtime.getRuntime().addShutdownHook(new Thread(bridge::destroyForcibly, "mynasim-bench-stock-bridge"));
        out.println("  (jCardSim's VSmartCard runs in a JVM of its own; its output: " + log + ")");
        PcscTransport transport = openWhenPresent("Virtual PCD 00 01");
        // The config only loads the applet class; jCardSim's CREATE APPLET (80 B8) makes the instance, with the
        // install parameters [AID length][AID][no control data][no applet data]. Only the JPKI application is
        // installed in the baseline: the benchmark exercises JPKI alone.
        byte[] aid = CardApplication.JPKI.aid();
        byte[] create = Apdus.fromHex("80 B8 00 00 " + HexFormat.of().formatHex(new byte[] {(byte) (aid.length + 3), (byte) aid.length})
                + HexFormat.of().formatHex(aid) + "00 00");
        byte[] created = transport.transceive(create);
        if (created.length < 2 || created[created.length - 2] != (byte) 0x90) {
            throw new IllegalStateException("jCardSim's VSmartCard did not create the JPKI applet: " + Apdus.toHex(created)
                    + " (its output: " + log + ")");
        }
        new Personaliser(transport::transceive).personalise(jpkiImage(persona), true);
        return transport;
    }
}
