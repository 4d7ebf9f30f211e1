package dev.mynasim.simulator.vpcd;

import dev.mynasim.simulator.SimulatedCard;

import java.util.Arrays;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A tiny card for bridge tests. Echoes every APDU back with 9000, except:
 * {@code 00 20 ...} (VERIFY) sets a "verified" flag and answers 9000; {@code 80 CA 00 01} answers the flag
 * (01/00) + 9000; {@code 80 C1 00 00} answers 61 10; {@code 80 C2 00 00} answers 6C 10.
 * Power off and reset clear the flag, as they clear a real card's security state. Counters are thread-safe
 * so tests can read them while the bridge drives the card.
 */
public final class TestCard implements SimulatedCard {

    public static final byte[] CONTACT_ATR = hex("3BE000FF8131FE4514");
    public static final byte[] CONTACTLESS_ATR = hex("3B8880010000 05E0B381A1007F");

    private final byte[] atr;
    private volatile boolean powered;
    private volatile boolean verified;
    final AtomicInteger powerOns = new AtomicInteger();
    final AtomicInteger powerOffs = new AtomicInteger();
    final AtomicInteger resets = new AtomicInteger();
    final AtomicInteger apdus = new AtomicInteger();

    public TestCard(byte[] atr) {
        this.atr = atr.clone();
    }

    @Override
    public byte[] atr() {
        return atr.clone();
    }

    @Override
    public void powerOn() {
        if (!powered) {
            powered = true;
            verified = false;
            powerOns.incrementAndGet();
        }
    }

    @Override
    public void powerOff() {
        if (powered) {
            powerOffs.incrementAndGet();
        }
        powered = false;
        verified = false;
    }

    @Override
    public void reset() {
        resets.incrementAndGet();
        powered = true;
        verified = false;
    }

    @Override
    public boolean isPowered() {
        return powered;
    }

    boolean isVerified() {
        return verified;
    }

    @Override
    public byte[] transmit(byte[] c) {
        powerOn();
        apdus.incrementAndGet();
        if (c.length >= 4 && c[0] == 0x00 && c[1] == 0x20) {
            verified = true;
            return new byte[] {(byte) 0x90, 0x00};
        }
        if (c.length >= 4 && c[0] == (byte) 0x80 && c[2] == 0 && c[3] <= 1) {
            byte[] answer = switch (c[1]) {
                case (byte) 0xCA -> new byte[] {(byte) (verified ? 1 : 0), (byte) 0x90, 0x00};
                case (byte) 0xC1 -> new byte[] {0x61, 0x10};
                case (byte) 0xC2 -> new byte[] {0x6C, 0x10};
                default -> null;
            };
            if (answer != null) {
                return answer;
            }
        }
        byte[] r = Arrays.copyOf(c, c.length + 2);
        r[c.length] = (byte) 0x90;
        r[c.length + 1] = 0x00;
        return r;
    }

    static byte[] hex(String s) {
        String h = s.replace(" ", "");
        byte[] b = new byte[h.length() / 2];
        for (int i = 0; i < b.length; i++) {
            b[i] = (byte) Integer.parseInt(h.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
