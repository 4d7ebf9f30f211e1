package dev.mynasim.harness.pcsc;

import dev.mynasim.simulator.SimulatedCard;

import java.util.Arrays;

/**
 * A stand-in card for transport tests: echoes every APDU with 9000, except {@code 00 20} (sets "verified"),
 * {@code 80 CA 00 01} (answers the flag, 01/00), {@code 80 C1 00 00} (answers 61 10).
 */
final class EchoCard implements SimulatedCard {

    static final byte[] ATR = {0x3B, (byte) 0xE0, 0x00, (byte) 0xFF, (byte) 0x81, 0x31, (byte) 0xFE, 0x45, 0x14};

    private volatile boolean powered;
    private volatile boolean verified;

    @Override
    public byte[] atr() {
        return ATR.clone();
    }

    @Override
    public void powerOn() {
        if (!powered) {
            powered = true;
            verified = false;
        }
    }

    @Override
    public void powerOff() {
        powered = false;
        verified = false;
    }

    @Override
    public void reset() {
        powered = true;
        verified = false;
    }

    @Override
    public boolean isPowered() {
        return powered;
    }

    @Override
    public byte[] transmit(byte[] c) {
        powerOn();
        if (c.length >= 4 && c[0] == 0 && c[1] == 0x20) {
            verified = true;
            return new byte[] {(byte) 0x90, 0};
        }
        if (c.length >= 4 && c[0] == (byte) 0x80 && c[1] == (byte) 0xCA && c[3] == 1) {
            return new byte[] {(byte) (verified ? 1 : 0), (byte) 0x90, 0};
        }
        if (c.length >= 4 && c[0] == (byte) 0x80 && c[1] == (byte) 0xC1) {
            return new byte[] {0x61, 0x10};
        }
        byte[] r = Arrays.copyOf(c, c.length + 2);
        r[c.length] = (byte) 0x90;
        return r;
    }
}
