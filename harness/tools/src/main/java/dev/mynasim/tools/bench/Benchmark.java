package dev.mynasim.tools.bench;

import dev.mynasim.model.CardFile;
import static org.awaitility.Awaitility.await;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.model.CardApplication;
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
import java.io.PrintStream;
import java.lang.reflect.Field;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import javacard.framework.AID;

/**
 * APDU round trips, the JPKI sign flow and READ BINARY throughput through three paths: the card in
 * this JVM, the card through pcscd with our vpcd bridge, and the same applet through pcscd with
 * jCardSim's own VSmartCard bridge (the baseline). Prints figures; asserts nothing.
 */
public final class Benchmark {

    private static final byte[] SELECT_EF = Apdus.fromHex("00 A4 02 0C 02 00 0A");
    private static final byte[] DIGEST_INFO = CardClient.sha256DigestInfo("benchmark".getBytes(StandardCharsets.UTF_8));

    private final int apdus;
    private final int flows;
    private final PrintStream out;

    public Benchmark(int apdus, int flows, PrintStream out) {
        this.apdus = apdus;
        this.flows = flows;
        this.out = out;
    }

    public void run(boolean baseline) throws Exception {
        Persona persona = Fixtures.get().personas().defaultPersona();
        out.printf("MynaSim benchmark: %d APDUs and %d sign flows per path, persona %s, %d cores%n%n",
                apdus, flows, persona.id(), Runtime.getRuntime().availableProcessors());
        out.printf("%-34s %12s %12s %10s %14s %14s %16s%n", "path", "APDU median", "APDU p99", "APDU/s",
                "sign flow med", "sign flow p99", "READ 255 / ext");

        VirtualCard inProcess = newCard(persona);
        measure("in-process (sim)", inProcess::transmit, persona);

        PcscEnvironment.Status status = PcscEnvironment.check(VpcdBridge.SLOT0_PORT);
        if (!status.ready()) {
            out.println("pcscd paths skipped: " + status.describe());
            return;
        }
        try (VpcdBridge bridge = new VpcdBridge(newCard(persona), VpcdBridge.DEFAULT_HOST, VpcdBridge.SLOT0_PORT).start();
                PcscTransport transport = openWhenPresent("Virtual PCD 00 00")) {
            measure("pcscd + MynaSim vpcd bridge", transport, persona);
            if (bridge.apduCount() == 0) {
                throw new IllegalStateException("the commands did not go through MynaSim's bridge on port " + bridge.port());
            }
        }
        if (baseline) {
            measure("pcscd + jCardSim VSmartCard", startVSmartCardBaseline(persona), persona);
        }
    }

    private static VirtualCard newCard(Persona persona) {
        return VirtualCards.issue(persona, Fixtures.get().pki(), CardProfile.CONTACT);
    }

    private void measure(String path, Transport transport, Persona persona) {
        CardClient client = new CardClient(transport);
        client.select(CardApplication.JPKI);
        for (int i = 0; i < Math.min(200, apdus); i++) {
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
        out.printf("%-34s %9.3f ms %9.3f ms %10.0f %11.2f ms %11.2f ms %7.0f / %.0f KB/s%n", path,
                round.percentileMillis(50), round.percentileMillis(99), round.count() / round.totalSeconds(),
                flow.percentileMillis(50), flow.percentileMillis(99), shortRead, extendedRead);
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
    private Transport startVSmartCardBaseline(Persona persona) throws Exception {
        System.setProperty("com.licel.jcardsim.vsmartcard.reloader.port", "0");
        VSmartCard vsmartcard = new VSmartCard(VpcdBridge.DEFAULT_HOST, VpcdBridge.SLOT1_PORT);
        Field simField = VSmartCard.class.getDeclaredField("sim");
        simField.setAccessible(true);
        Simulator simulator = (Simulator) simField.get(vsmartcard);
        byte[] aid = CardApplication.JPKI.aid();
        simulator.installApplet(new AID(aid, (short) 0, (byte) aid.length), JpkiApplet.class);
        PcscTransport transport = openWhenPresent("Virtual PCD 00 01");
        // Only the JPKI application is installed in the baseline: the benchmark exercises JPKI alone.
        for (ApplicationImage image : CardImages.forPersona(persona, Fixtures.get().pki().credentials(persona),
                Fixtures.get().pki().authCaCertificate(), Fixtures.get().pki().signCaCertificate())) {
            if (image.hasAid(aid)) {
                new Personaliser(transport::transceive).personalise(image, true);
            }
        }
        return transport;
    }
}
