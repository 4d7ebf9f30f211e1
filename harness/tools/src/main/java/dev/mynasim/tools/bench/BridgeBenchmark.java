package dev.mynasim.tools.bench;

import dev.mynasim.simulator.SimulatedCard;
import dev.mynasim.simulator.vpcd.PcscEnvironment;
import dev.mynasim.simulator.vpcd.VpcdBridge;

import java.util.Arrays;
import java.util.Locale;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;

/**
 * Measures the APDU round trip javax.smartcardio → pcscd → vpcd → {@link VpcdBridge} → card and back, with a
 * card that answers at once (so the figure is the transport's own cost). Needs pcscd with vpcd running.
 *
 * <pre>
 * java -cp harness/cli/target/mynasim.jar dev.mynasim.tools.bench.BridgeBenchmark [apdus] [slot] [dataBytes]
 * </pre>
 * Defaults: 5000 APDUs, slot 0, a 5-byte case-2 command (READ BINARY, 16 bytes back). Warm-up 500 APDUs.
 */
public final class BridgeBenchmark {

    private BridgeBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int slot = args.length > 1 ? Integer.parseInt(args[1]) : 0;
        int dataBytes = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        PcscEnvironment.Status status = PcscEnvironment.check(VpcdBridge.portForSlot(slot));
        if (!status.ready()) {
            System.err.println(status.describe());
            System.exit(2);
        }
        String reader = "Virtual PCD 00 0" + slot;
        try (VpcdBridge bridge = new VpcdBridge(new InstantCard(), VpcdBridge.DEFAULT_HOST,
                VpcdBridge.portForSlot(slot)).start()) {
            CardTerminal terminal = PcscEnvironment.terminalFactory().terminals().getTerminal(reader);
            if (!terminal.waitForCardPresent(5000)) {
                System.err.println("no card in " + reader + " after 5 s; is another bridge on slot " + slot + "?");
                System.exit(1);
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
                long[] nanos = new long[n];
                long start = System.nanoTime();
                for (int i = 0; i < n; i++) {
                    long t0 = System.nanoTime();
                    channel.transmit(command);
                    nanos[i] = System.nanoTime() - t0;
                }
                long total = System.nanoTime() - start;
                Arrays.sort(nanos);
                System.out.printf(Locale.ROOT,
                        "vpcd bridge through pcscd (%s, %d-byte command): %d APDUs, median %.3f ms, p99 %.3f ms,"
                                + " max %.3f ms, %.0f APDU/s%n",
                        reader, command.getBytes().length, n, ms(nanos[n / 2]), ms(nanos[(int) (n * 0.99)]),
                        ms(nanos[n - 1]), n / (total / 1e9));
            } finally {
                card.disconnect(false);
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
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
