package dev.mynasim.tools.reliability;

import dev.mynasim.model.Pin;
import dev.mynasim.model.CommandApdus;
import dev.mynasim.model.CardKey;
import dev.mynasim.model.CardFile;
import dev.mynasim.model.CardApplication;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.simulator.VirtualCard;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * Several virtual cards in one JVM, each driven by its own thread: APDUs per second (READ BINARY of
 * 32 bytes of the JPKI token info) and JPKI sign flows per
 * second (SELECT, VERIFY, SELECT key, RSA-2048 sign) for 1, 2, 4 and 8 cards, and the heap a card
 * holds (after {@code System.gc()}, with N cards held, minus the heap before, divided by N) and RSS.
 */
public final class ScaleBenchmark {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] SELECT_JPKI = CommandApdus.selectApplication(CardApplication.JPKI.aid());
    private static final byte[] SELECT_TOKEN_INFO = CommandApdus.selectFile(CardFile.TOKEN_INFO.fid());
    private static final byte[] READ_BINARY = HEX.parseHex("00B0000020");
    private static final byte[] SELECT_AUTH_PIN = CommandApdus.selectFile(Pin.AUTH.fid());
    private static final byte[] SELECT_AUTH_KEY = CommandApdus.selectFile(CardKey.JPKI_AUTH.fid());
    private static final byte[] SIGN = HEX.parseHex("802A0080" + "33" + "3031300d060960864801650304020105000420"
            + "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff" + "00");

    /** One measurement: cards, APDUs/s and sign flows/s over all cards. */
    public record Row(int cards, double apdusPerSecond, double signFlowsPerSecond) {
    }

    private final Persona persona;
    private final double seconds;
    private final PrintStream out;

    public ScaleBenchmark(Persona persona, double seconds, PrintStream out) {
        this.persona = persona;
        this.seconds = seconds;
        this.out = out;
    }

    public List<Row> run(int[] cardCounts) throws Exception {
        List<Row> rows = new ArrayList<>();
        out.printf("scale: persona %s, median of 3 runs of %.1f s per figure, %d processors%n", persona.id(), seconds, Runtime.getRuntime().availableProcessors());
        // warm-up: one card, both loads, so the first row is not the JIT's
        List<VirtualCard> warm = issue(1);
        drive(warm, Math.max(2, seconds), false);
        drive(warm, Math.max(2, seconds), true);
        for (int n : cardCounts) {
            List<VirtualCard> cards = issue(n);
            // the median of three runs: a shared build machine has bursts of other load
            double apdus = median(cards, false);
            double apduCores = lastCpuCores;
            double flows = median(cards, true);
            double signCores = lastCpuCores;
            Row row = new Row(n, apdus, flows);
            rows.add(row);
            out.printf("scale: %d card(s): %,.0f APDUs/s (%,.0f per card, %.2f cores busy), %,.1f sign flows/s (%,.1f per card, %.2f cores busy)%n",
                    n, row.apdusPerSecond(), row.apdusPerSecond() / n, apduCores, row.signFlowsPerSecond(), row.signFlowsPerSecond() / n, signCores);
        }
        memory(cardCounts[cardCounts.length - 1]);
        return rows;
    }

    private final java.util.concurrent.atomic.AtomicLong cpuNanos = new java.util.concurrent.atomic.AtomicLong();

    private double median(List<VirtualCard> cards, boolean sign) throws Exception {
        double[] rates = new double[3];
        cpuNanos.set(0);
        for (int i = 0; i < rates.length; i++) {
            rates[i] = drive(cards, seconds, sign) / seconds;
        }
        lastCpuCores = cpuNanos.get() / 1e9 / (seconds * rates.length);
        java.util.Arrays.sort(rates);
        return rates[1];
    }

    /** CPU time of the driving threads over wall time in the last {@link #median}: cores busy. */
    private double lastCpuCores;

    private void memory(int n) {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long before = heapAfterGc(memory);
        List<VirtualCard> held = issue(n);
        long after = heapAfterGc(memory);
        // RSS is the whole process (JIT, metaspace, heap the GC has not given back), not a per-card figure
        out.printf("scale: memory: heap %,d KB after GC with %d cards held (%,d KB per card counting everything on the heap),"
                        + " %,d KB without them: %,d KB per card; process RSS %,d KB%n",
                after / 1024, n, after / 1024 / n, before / 1024, (after - before) / 1024 / n, ProcessStatus.rssKb());
        if (held.size() != n) {
            throw new IllegalStateException("lost a card");
        }
    }

    private static long heapAfterGc(MemoryMXBean memory) {
        long used = Long.MAX_VALUE;
        for (int i = 0; i < 3; i++) { // a few rounds: the minimum is the live set
            System.gc();
            used = Math.min(used, memory.getHeapMemoryUsage().getUsed());
        }
        return used;
    }

    private List<VirtualCard> issue(int n) {
        List<VirtualCard> cards = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            cards.add(Fixtures.get().newCard(persona));
        }
        return cards;
    }

    /** Drives every card from its own thread for the given time; returns APDUs or sign flows done. */
    private long drive(List<VirtualCard> cards, double forSeconds, boolean sign) throws Exception {
        int n = cards.size();
        ExecutorService threads = Executors.newFixedThreadPool(n);
        CyclicBarrier start = new CyclicBarrier(n);
        byte[] verify = verify(persona.pins().auth());
        List<Future<Long>> counts = new ArrayList<>();
        for (VirtualCard card : cards) {
            counts.add(threads.submit(() -> {
                start.await(30, TimeUnit.SECONDS);
                long cpuStart = ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime();
                long end = System.nanoTime() + (long) (forSeconds * 1e9);
                long done = 0;
                if (!sign) {
                    require(card.transmit(SELECT_JPKI));
                    require(card.transmit(SELECT_TOKEN_INFO));
                }
                while (System.nanoTime() < end) {
                    if (sign) {
                        require(card.transmit(SELECT_JPKI));
                        require(card.transmit(SELECT_AUTH_PIN));
                        require(card.transmit(verify));
                        require(card.transmit(SELECT_AUTH_KEY));
                        require(card.transmit(SIGN));
                    } else {
                        require(card.transmit(READ_BINARY));
                    }
                    done++;
                }
                cpuNanos.addAndGet(ManagementFactory.getThreadMXBean().getCurrentThreadCpuTime() - cpuStart);
                return done;
            }));
        }
        long total = 0;
        for (Future<Long> count : counts) {
            total += count.get();
        }
        threads.shutdown();
        return total;
    }

    private static void require(byte[] response) {
        int sw = ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
        if (sw != 0x9000) {
            throw new IllegalStateException(String.format("the card answered %04X", sw));
        }
    }

    private static byte[] verify(String value) {
        byte[] pin = value.getBytes(StandardCharsets.US_ASCII);
        byte[] command = new byte[5 + pin.length];
        command[1] = 0x20;
        command[3] = (byte) 0x80;
        command[4] = (byte) pin.length;
        System.arraycopy(pin, 0, command, 5, pin.length);
        return command;
    }
}
