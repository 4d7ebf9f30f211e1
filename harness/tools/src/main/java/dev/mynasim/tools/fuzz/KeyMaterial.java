package dev.mynasim.tools.fuzz;

import dev.mynasim.simulator.issuer.ApplicationImage;
import java.math.BigInteger;
import java.security.interfaces.RSAPrivateCrtKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Private-key material a response must never contain: every CRT component of every key written into
 * the card and of the issuer's and CAs' keys. A response leaks when it holds any 16-byte run of a
 * component at an offset that is a multiple of 8 (so any leaked run of 24 bytes or more is caught);
 * lookups go through the first 8 bytes of each run, so a scan costs one hash probe per response byte.
 */
final class KeyMaterial {

    private static final int RUN = 16;
    private static final int STEP = 8;

    /** A run of key bytes and the component it comes from; compared by content where it is looked up. */
    private static final class Run {
        private final byte[] bytes;
        private final String what;

        Run(byte[] bytes, String what) {
            this.bytes = bytes.clone();
            this.what = what;
        }

        byte[] bytes() {
            return bytes;
        }

        String what() {
            return what;
        }

        @Override
        public String toString() {
            return what + " (" + bytes.length + " bytes, masked)";
        }
    }

    private final Map<Long, List<Run>> runsByPrefix = new HashMap<>();
    private int components;

    void addCardKeys(List<ApplicationImage> images) {
        for (ApplicationImage image : images) {
            for (ApplicationImage.KeyImage key : image.keys()) {
                String name = image.label() + " key " + String.format("%04X", key.fid());
                add(name + " p", key.p());
                add(name + " q", key.q());
                add(name + " dp", key.dp());
                add(name + " dq", key.dq());
                add(name + " qInv", key.qInv());
            }
        }
    }

    void add(String name, RSAPrivateCrtKey key) {
        add(name + " d", unsigned(key.getPrivateExponent()));
        add(name + " p", unsigned(key.getPrimeP()));
        add(name + " q", unsigned(key.getPrimeQ()));
        add(name + " dp", unsigned(key.getPrimeExponentP()));
        add(name + " dq", unsigned(key.getPrimeExponentQ()));
        add(name + " qInv", unsigned(key.getCrtCoefficient()));
    }

    private static byte[] unsigned(BigInteger value) {
        byte[] bytes = value.toByteArray();
        return bytes[0] == 0 && bytes.length > 1 ? Arrays.copyOfRange(bytes, 1, bytes.length) : bytes;
    }

    private void add(String what, byte[] component) {
        components++;
        for (int at = 0; at + RUN <= component.length; at += STEP) {
            byte[] run = Arrays.copyOfRange(component, at, at + RUN);
            runsByPrefix.computeIfAbsent(prefix(run, 0), k -> new ArrayList<>(1)).add(new Run(run, what));
        }
    }

    int components() {
        return components;
    }

    private static long prefix(byte[] bytes, int at) {
        long value = 0;
        for (int i = 0; i < STEP; i++) {
            value = (value << 8) | (bytes[at + i] & 0xFF);
        }
        return value;
    }

    /** The name of the key component the response holds a run of, or null. */
    String leakIn(byte[] response) {
        for (int at = 0; at + RUN <= response.length; at++) {
            List<Run> runs = runsByPrefix.get(prefix(response, at));
            if (runs == null) {
                continue;
            }
            for (Run run : runs) {
                if (Arrays.equals(run.bytes(), 0, RUN, response, at, at + RUN)) {
                    return run.what();
                }
            }
        }
        return null;
    }
}
