package dev.mynasim.tools.bench;

import dev.mynasim.simulator.SimulatedCard;
import dev.mynasim.simulator.vpcd.PcscEnvironment;
import dev.mynasim.simulator.vpcd.VpcdBridge;

import java.util.Locale;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;

/**
 * Measures the APDU round trip javax.smartcardio → pcscd → vpcd → {@link VpcdBridge} → card and back, with a
 * card that answers at once (so the figure is the transport's own cost). Needs pcscd with vpcd running.
 *
 * Run with {@code mynasim bench --bridge [--apdus N] [--slot S] [--data-bytes B]}.
 */
public final class BridgeBenchmark {

    private BridgeBenchmark() {
    }

    /** One run's figures. */
    public record Result(String reader, int commandBytes, int apdus, double medianMs, double p99Ms, double maxMs,
            double perSecond) {
        public String describe() {
            return String.format(Locale.ROOT, "vpcd bridge through pcscd (%s, %d-byte command): %d APDUs, median %.3f ms,"
                    + " p99 %.3f ms, max %.3f ms, %.0f APDU/s", reader, commandBytes, apdus, medianMs, p99Ms, maxMs, perSecond);
        }
    }

    /**
     * Puts a card that answers at once into vpcd slot {@code slot}, sends {@code n} commands after a
     * 500-command warm-up (READ BINARY of 16 bytes, or an UPDATE BINARY with {@code dataBytes} bytes)
     * and measures each round trip.
     *
     * @throws IllegalStateException when pcscd or vpcd is not ready, or the reader shows no card
     */
    public static Result measure(int n, int slot, int dataBytes) throws Exception {
        if (n < 1) {
            throw new IllegalArgumentException("the APDU count must be at least 1, not " + n);
        }
        PcscEnvironment.Status status = PcscEnvironment.check(VpcdBridge.portForSlot(slot));
        if (!status.ready()) {
            throw new IllegalStateException(status.describe());
        }
        String reader = "Virtual PCD 00 0" + slot;
        try (VpcdBridge bridge = new VpcdBridge(new InstantCard(), VpcdBridge.DEFAULT_HOST,
                VpcdBridge.portForSlot(slot)).start()) {
            CardTerminal terminal = PcscEnvironment.terminalFactory().terminals().getTerminal(reader);
            if (!terminal.waitForCardPresent(5000)) {
                throw new IllegalStateException("no card in " + reader + " after 5 s; is another bridge on slot " + slot + "?");
            }
            Card card = terminal.connect("*");
            try {
                CardChannel channel = card.getBasicChannel();
                CommandAPDU command = dataBytes == 0
                        ? new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 16)
                        : new CommandAPDU(0x00, 0xD6, 0x00, 0x00, new byte[dataBytes]);
                for (int i = 0; i < 500; i++) {
                    channel.transmit(command);
                }
                Timings round = new Timings();
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    channel.transmit(command);
                    round.add(System.nanoTime() - t0);
                }
                long total = System.nanoTime() - start;
                if (bridge.apduCount() < n) {
                    throw new IllegalStateException("the bridge carried " + bridge.apduCount() + " of the " + n + " commands");
                }
                return new Result(reader, command.getBytes().length, n, round.percentileMillis(50),
                        round.percentileMillis(99), round.maxMillis(), n / (total / 1e9));
            } finally {
                card.disconnect(false);
            }
        }
    }

    /** Answers every command with 16 zero bytes and 9000, at once. */
    private static final class InstantCard implements SimulatedCard {
        private static final byte[] ATR = {0x3B, (byte) 0xE0, 0x00, (byte) 0xFF, (byte) 0x81, 0x31, (byte) 0xFE,
            0x45, 0x14};
        private static final byte[] RESPONSE = new byte[18];

        static {
            RESPONSE[16] = (byte) 0x90;
        }

        private boolean powered;

        @Override
        public byte[] atr() {
            return ATR.clone();
        }

        @Override
        public void powerOn() {
            powered = true;
        }

        @Override
        public void powerOff() {
            powered = false;
        }

        @Override
        public void reset() {
            powered = true;
        }

        @Override
        public boolean isPowered() {
            return powered;
        }

        @Override
        public byte[] transmit(byte[] command) {
            powered = true;
            return RESPONSE.clone();
        }
    }
}
