package dev.mynasim.tools.fuzz;

import dev.mynasim.simulator.Applications;
import dev.mynasim.model.CardApplication;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Seeded APDUs for one target: about one in ten is random bytes, the rest are valid commands of the
 * card (SELECT EF, READ BINARY in FID and SFI forms, READ RECORD, VERIFY, CHANGE REFERENCE DATA,
 * CHANGE KEY, GET CHALLENGE, INTERNAL AUTHENTICATE, SIGN, GET DATA, the issuer's commands, SELECTs of
 * other applications) with zero to three structure-aware mutations: the class byte (logical channels,
 * secure messaging, chaining, proprietary, invalid), INS, P1/P2, a lying Lc, extended forms, Le,
 * truncation, extra bytes, bit flips. Same seed, same APDUs.
 */
final class ApduGenerator {

    private static final int[] CLASSES = {0x00, 0x80, 0x01, 0x02, 0x03, 0x04, 0x08, 0x0C, 0x10, 0x20, 0x40, 0x4F,
        0x60, 0x7F, 0x84, 0x88, 0x8C, 0x90, 0x9C, 0xA0, 0xB0, 0xC0, 0xE0, 0xFF};
    private static final int[] INSTRUCTIONS = {0xA4, 0xB0, 0xB1, 0xB2, 0xB3, 0x20, 0x21, 0x24, 0x2C, 0x2A, 0x32, 0x84,
        0x88, 0x82, 0xCA, 0xCB, 0xC0, 0xE0, 0xD6, 0xDA, 0xDB, 0xDC, 0xDD, 0xF0, 0x70, 0x44, 0x0E};
    /** Every application's AID, the MF level's, a partial AID and one the card lacks. */
    private static final List<byte[]> OTHER_AIDS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of(CardApplication.values()).map(CardApplication::aid),
            java.util.stream.Stream.of(Applications.ISD_AID, FuzzTarget.hex("D392F0"), FuzzTarget.hex("D3921000310001010499")))
            .toList();

    private final SplittableRandom random;
    private final FuzzTarget target;

    ApduGenerator(long seed, FuzzTarget target) {
        this.random = new SplittableRandom(seed);
        this.target = target;
    }

    SplittableRandom random() {
        return random;
    }

    byte[] next() {
        if (random.nextInt(10) == 0) {
            return randomBytes(random.nextInt(random.nextBoolean() ? 8 : 300));
        }
        byte[] apdu = template();
        int mutations = random.nextInt(4);
        for (int i = 0; i < mutations; i++) {
            apdu = mutate(apdu);
        }
        return apdu;
    }

    private byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) random.nextInt(256);
        }
        return bytes;
    }

    private int fid() {
        List<Integer> fids = target.fids();
        return fids.isEmpty() || random.nextInt(8) == 0 ? random.nextInt(0x10000) : fids.get(random.nextInt(fids.size()));
    }

    private byte[] template() {
        int sfi = random.nextInt(8) == 0 ? random.nextInt(32) : (fid() & 0x1F);
        return switch (random.nextInt(17)) {
            case 0 -> apdu(0x00, 0xA4, 0x02, 0x0C, shortBytes(fid()), -1);
            case 1 -> apdu(0x00, 0xA4, random.nextBoolean() ? 0x00 : 0x02, random.nextBoolean() ? 0x00 : 0x0C, shortBytes(fid()), random.nextBoolean() ? 0 : -1);
            case 2 -> apdu(0x00, 0xB0, random.nextInt(0x80), random.nextInt(256), null, random.nextInt(257));
            case 3 -> apdu(0x00, 0xB0, 0x80 | sfi, random.nextInt(4) == 0 ? random.nextInt(256) : 0, null, random.nextInt(257));
            case 4 -> apdu(0x00, 0xB2, random.nextInt(4), random.nextBoolean() ? 0x04 : (sfi << 3) | 4, null, 0);
            case 5 -> apdu(0x00, 0x20, 0x00, pinReference(), null, -1);
            case 6 -> apdu(0x00, 0x20, 0x00, pinReference(), digits(random.nextInt(18)), -1);
            case 7 -> apdu(0x00, 0x24, random.nextInt(3), pinReference(), digits(random.nextInt(18)), -1);
            case 8 -> apdu(0x80, 0x32, 0x00, pinReference(), digits(random.nextInt(18)), -1);
            case 9 -> apdu(0x00, 0x84, 0x00, 0x00, null, random.nextBoolean() ? 8 : random.nextInt(257));
            case 10 -> apdu(0x00, 0x88, 0x00, 0x80 | (fid() & 0x1F), randomBytes(random.nextInt(40)), 0);
            case 11 -> apdu(0x80, 0x2A, 0x00, random.nextBoolean() ? 0x80 : random.nextInt(256), randomBytes(random.nextBoolean() ? 35 : random.nextInt(300)), 0);
            case 12 -> apdu(random.nextBoolean() ? 0x80 : 0x00, 0xCA, random.nextBoolean() ? 0x4D : random.nextInt(256), random.nextBoolean() ? 0x53 : random.nextInt(256), null, 0);
            case 13 -> {
                int[] issuer = {0xE0, 0xD6, 0xDA, 0xDB, 0xDC, 0xDD, 0xF0};
                yield apdu(0x80, issuer[random.nextInt(issuer.length)], random.nextInt(256), random.nextInt(256), randomBytes(random.nextInt(20)), -1);
            }
            case 14 -> {
                byte[] aid = OTHER_AIDS.get(random.nextInt(OTHER_AIDS.size()));
                yield apdu(0x00, 0xA4, 0x04, random.nextBoolean() ? 0x0C : 0x00, aid, -1);
            }
            case 15 -> target.isMasterFile() ? apdu(0x00, 0xA4, 0x00, 0x00, random.nextBoolean() ? null : shortBytes(0x3F00), -1) : target.select();
            default -> apdu(CLASSES[random.nextInt(CLASSES.length)], INSTRUCTIONS[random.nextInt(INSTRUCTIONS.length)],
                    random.nextInt(256), random.nextInt(256), random.nextBoolean() ? null : randomBytes(random.nextInt(64)), random.nextInt(3) - 1);
        };
    }

    private int pinReference() {
        return random.nextInt(6) == 0 ? random.nextInt(256) : 0x80 | (fid() & 0x1F);
    }

    private byte[] digits(int length) {
        byte[] bytes = new byte[length];
        for (int i = 0; i < length; i++) {
            bytes[i] = (byte) (random.nextBoolean() ? '0' + random.nextInt(10) : 'A' + random.nextInt(26));
        }
        return bytes;
    }

    private static byte[] shortBytes(int value) {
        return new byte[] {(byte) (value >> 8), (byte) value};
    }

    /** A short APDU of case 1 to 4; le -1 = absent, 0..256 (256 written as 00). */
    static byte[] apdu(int cla, int ins, int p1, int p2, byte[] data, int le) {
        int length = 4 + (data != null && data.length > 0 ? 1 + data.length : 0) + (le >= 0 ? 1 : 0);
        byte[] apdu = new byte[length];
        apdu[0] = (byte) cla;
        apdu[1] = (byte) ins;
        apdu[2] = (byte) p1;
        apdu[3] = (byte) p2;
        int at = 4;
        if (data != null && data.length > 0) {
            apdu[at++] = (byte) data.length;
            System.arraycopy(data, 0, apdu, at, data.length);
            at += data.length;
        }
        if (le >= 0) {
            apdu[at] = (byte) le;
        }
        return apdu;
    }

    private byte[] mutate(byte[] apdu) {
        if (apdu.length < 4) {
            return apdu;
        }
        byte[] out = apdu.clone();
        return switch (random.nextInt(11)) {
            case 0 -> {
                out[0] = (byte) CLASSES[random.nextInt(CLASSES.length)];
                yield out;
            }
            case 1 -> { // logical channel 1-3
                out[0] = (byte) (out[0] | (1 + random.nextInt(3)));
                yield out;
            }
            case 2 -> { // secure messaging
                out[0] = (byte) (out[0] | (random.nextBoolean() ? 0x0C : 0x08));
                yield out;
            }
            case 3 -> { // command chaining
                out[0] = (byte) (out[0] | 0x10);
                yield out;
            }
            case 4 -> { // INS, P1 or P2
                out[1 + random.nextInt(3)] = (byte) random.nextInt(256);
                yield out;
            }
            case 5 -> { // Lc/Le lies
                if (out.length > 4) {
                    out[4] = (byte) random.nextInt(256);
                }
                yield out;
            }
            case 6 -> Arrays.copyOf(out, 4 + random.nextInt(out.length - 3)); // truncated
            case 7 -> { // extra bytes
                byte[] more = Arrays.copyOf(out, out.length + 1 + random.nextInt(8));
                for (int i = out.length; i < more.length; i++) {
                    more[i] = (byte) random.nextInt(256);
                }
                yield more;
            }
            case 8 -> extended(out);
            case 9 -> {
                out[random.nextInt(out.length)] ^= (byte) (1 << random.nextInt(8));
                yield out;
            }
            default -> { // Le changed or added: 00, short, or an extended Le
                byte[] header = Arrays.copyOf(out, random.nextBoolean() ? out.length : 4);
                int extra = random.nextBoolean() ? 1 : 3;
                byte[] withLe = Arrays.copyOf(header, header.length + extra);
                if (extra == 1) {
                    withLe[header.length] = (byte) random.nextInt(256);
                } else {
                    withLe[header.length + 1] = (byte) random.nextInt(256);
                    withLe[header.length + 2] = (byte) random.nextInt(256);
                }
                yield withLe;
            }
        };
    }

    /** An extended Lc from 1 to 65,535, often at an edge (255/256, 32,767/32,768, 65,535). */
    private int longLength() {
        int[] edges = {255, 256, 257, 4096, 32_767, 32_768, 32_769, 65_534, 65_535};
        return random.nextBoolean() ? edges[random.nextInt(edges.length)] : 1 + random.nextInt(0xFFFF);
    }

    /** The same command in extended form (00 Lc1 Lc2 data [Le1 Le2]), sometimes with a wrong Lc. */
    private byte[] extended(byte[] apdu) {
        if (apdu.length < 5) {
            return new byte[] {apdu[0], apdu[1], apdu[2], apdu[3], 0, (byte) random.nextInt(256), (byte) random.nextInt(256)};
        }
        int lc = apdu[4] & 0xFF;
        boolean hasData = apdu.length > 5 && apdu.length >= 5 + lc;
        byte[] data = hasData ? Arrays.copyOfRange(apdu, 5, 5 + lc) : new byte[0];
        if (random.nextInt(16) == 0) {
            data = Arrays.copyOf(data, longLength()); // the full extended range, past jCardSim's signed 32,767
        }
        boolean withLe = random.nextBoolean();
        byte[] out = new byte[4 + 3 + data.length + (withLe ? 2 : 0)];
        System.arraycopy(apdu, 0, out, 0, 4);
        int declared = random.nextInt(6) == 0 ? random.nextInt(0x10000) : data.length;
        out[5] = (byte) (declared >> 8);
        out[6] = (byte) declared;
        System.arraycopy(data, 0, out, 7, data.length);
        if (data.length == 0 && !withLe) {
            return Arrays.copyOf(out, 7);
        }
        if (withLe) {
            int le = random.nextInt(3) == 0 ? 0 : random.nextInt(0x10000);
            out[out.length - 2] = (byte) (le >> 8);
            out[out.length - 1] = (byte) le;
        }
        return out;
    }
}
