package dev.mynasim.simulator.state;

import dev.mynasim.simulator.issuer.ApplicationImage;
import dev.mynasim.simulator.issuer.ApplicationImage.KeyImage;
import dev.mynasim.simulator.issuer.ApplicationImage.PinImage;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The persistent mutable state of a virtual card, as {@code VirtualCard.exportState()} produces it.
 *
 * <ul>
 *   <li>Format 1 (PINs only): for each application {@code AID length, AID, length (2), PIN records},
 *       each PIN record being {@code FID (2), limit, tries left, length, value}.</li>
 *   <li>Format 2 (since the office commands change files and keys): {@code 00 02}, then for each
 *       application {@code AID length, AID, length (2), PIN records, length (2), content records}; a
 *       content record is {@code 'F' FID (2) capacity (2) length (2) content} for a data EF or
 *       {@code 'K' FID (2)} and five {@code length (1) value} CRT components (P, Q, DP, DQ, PQ) for
 *       an RSA key (docs/personalisation.md).</li>
 * </ul>
 * Restoring a card is personalising it again with these PINs, files and keys in place of the persona's.
 */
public final class CardState {

    /** The first bytes of a format-2 state (a format-1 state starts with an AID length, never 00). */
    private static final byte[] FORMAT_2_PREFIX = {0x00, 0x02};

    /**
     * A data EF as saved: capacity and content. A value class (copies in and out, equal by content)
     * rather than a record, whose byte[] component would compare by identity and print the content.
     */
    public static final class FileImage {
        private final int fid;
        private final int capacity;
        private final byte[] content;

        public FileImage(int fid, int capacity, byte[] content) {
            this.fid = fid;
            this.capacity = capacity;
            this.content = content.clone();
        }

        public int fid() {
            return fid;
        }

        public int capacity() {
            return capacity;
        }

        public byte[] content() {
            return content.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof FileImage that && fid == that.fid && capacity == that.capacity
                    && Arrays.equals(content, that.content);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * fid + capacity) + Arrays.hashCode(content);
        }

        /** FID and sizes only: an EF's content may be personal data. */
        @Override
        public String toString() {
            return String.format("EF %04X (%d of %d bytes, content masked)", fid, content.length, capacity);
        }
    }

    /** The first bytes of a format-2 state, a fresh copy. */
    public static byte[] format2Prefix() {
        return FORMAT_2_PREFIX.clone();
    }

    /** Whether a state is in format 2 by its first byte (format 1 starts with an AID length, never 00). */
    public static boolean isFormat2(byte[] state) {
        return state.length >= 2 && state[0] == FORMAT_2_PREFIX[0];
    }

    private final Map<String, List<PinImage>> pinsByAid;
    private final Map<String, List<FileImage>> filesByAid;
    private final Map<String, List<KeyImage>> keysByAid;
    private final int format;

    private CardState(int format, Map<String, List<PinImage>> pins, Map<String, List<FileImage>> files,
            Map<String, List<KeyImage>> keys) {
        this.format = format;
        this.pinsByAid = pins;
        this.filesByAid = files;
        this.keysByAid = keys;
    }

    /** Parses an exported state of either format; a malformed one is refused with the offset where it breaks. */
    public static CardState decode(byte[] state) {
        Map<String, List<PinImage>> pins = new LinkedHashMap<>();
        Map<String, List<FileImage>> files = new LinkedHashMap<>();
        Map<String, List<KeyImage>> keys = new LinkedHashMap<>();
        boolean format2 = isFormat2(state);
        if (format2 && state[1] != FORMAT_2_PREFIX[1]) {
            throw new IllegalArgumentException("card state: unknown format " + (state[1] & 0xFF));
        }
        int at = format2 ? 2 : 0;
        while (at < state.length) {
            int aidLength = state[at] & 0xFF;
            need(state, at + 1, aidLength + 2, "application identifier");
            String aid = HexFormat.of().withUpperCase().formatHex(state, at + 1, at + 1 + aidLength);
            at += 1 + aidLength;
            int length = u16(state, at);
            at += 2;
            need(state, at, length, "PIN records of " + aid);
            pins.put(aid, pinRecords(state, at, at + length, aid));
            at += length;
            if (format2) {
                need(state, at, 2, "content length of " + aid);
                int contentLength = u16(state, at);
                at += 2;
                need(state, at, contentLength, "files and keys of " + aid);
                contentRecords(state, at, at + contentLength, aid, files, keys);
                at += contentLength;
            }
        }
        return new CardState(format2 ? 2 : 1, pins, files, keys);
    }

    private static List<PinImage> pinRecords(byte[] state, int at, int end, String aid) {
        List<PinImage> records = new ArrayList<>();
        while (at < end) {
            need(state, at, 5, "PIN record header");
            int fid = u16(state, at);
            int limit = state[at + 2] & 0xFF;
            int left = state[at + 3] & 0xFF;
            int valueLength = state[at + 4] & 0xFF;
            need(state, at + 5, valueLength, "PIN value");
            if (left > limit || valueLength > 16) {
                throw new IllegalArgumentException("card state: PIN " + String.format("%04X", fid)
                        + " has an impossible counter or length at offset " + at);
            }
            records.add(new PinImage(fid, Arrays.copyOfRange(state, at + 5, at + 5 + valueLength), limit, left));
            at += 5 + valueLength;
        }
        if (at != end) {
            throw new IllegalArgumentException("card state: PIN records of " + aid + " overrun their length");
        }
        return records;
    }

    private static void contentRecords(byte[] state, int at, int end, String aid,
            Map<String, List<FileImage>> files, Map<String, List<KeyImage>> keys) {
        List<FileImage> fileList = new ArrayList<>();
        List<KeyImage> keyList = new ArrayList<>();
        while (at < end) {
            need(state, at, 3, "content record header");
            int tag = state[at];
            int fid = u16(state, at + 1);
            at += 3;
            if (tag == 'F') {
                need(state, at, 4, "file header");
                int capacity = u16(state, at);
                int length = u16(state, at + 2);
                need(state, at + 4, length, "file " + String.format("%04X", fid));
                if (length > capacity) {
                    throw new IllegalArgumentException("card state: file " + String.format("%04X", fid)
                            + " is longer than its capacity at offset " + at);
                }
                fileList.add(new FileImage(fid, capacity, Arrays.copyOfRange(state, at + 4, at + 4 + length)));
                at += 4 + length;
            } else if (tag == 'K') {
                byte[][] components = new byte[5][];
                for (int i = 0; i < 5; i++) {
                    need(state, at, 1, "key component length");
                    int length = state[at] & 0xFF;
                    need(state, at + 1, length, "key component");
                    components[i] = Arrays.copyOfRange(state, at + 1, at + 1 + length);
                    at += 1 + length;
                }
                keyList.add(new KeyImage(fid, components[0], components[1], components[2], components[3], components[4]));
            } else {
                throw new IllegalArgumentException("card state: unknown content record at offset " + (at - 3));
            }
        }
        if (at != end) {
            throw new IllegalArgumentException("card state: files and keys of " + aid + " overrun their length");
        }
        files.put(aid, fileList);
        keys.put(aid, keyList);
    }

    private static int u16(byte[] state, int at) {
        return ((state[at] & 0xFF) << 8) | (state[at + 1] & 0xFF);
    }

    private static void need(byte[] state, int offset, int count, String what) {
        if (offset < 0 || count < 0 || offset + count > state.length) {
            throw new IllegalArgumentException("card state is truncated in the " + what + " at offset " + offset);
        }
    }

    /** 1 (PINs only) or 2 (PINs, files, keys). */
    public int format() {
        return format;
    }

    /** The saved PINs of one application; empty when the state has none for it. */
    public List<PinImage> pins(byte[] aid) {
        return pinsByAid.getOrDefault(hex(aid), List.of());
    }

    /** The saved data EFs of one application (format 2); empty otherwise. */
    public List<FileImage> files(byte[] aid) {
        return filesByAid.getOrDefault(hex(aid), List.of());
    }

    /** The saved RSA keys of one application (format 2); empty otherwise. */
    public List<KeyImage> keys(byte[] aid) {
        return keysByAid.getOrDefault(hex(aid), List.of());
    }

    private static String hex(byte[] aid) {
        return HexFormat.of().withUpperCase().formatHex(aid);
    }

    /** Replaces the image's PINs, and (format 2) its files with their capacities and its keys, by the saved ones. */
    public void applyTo(ApplicationImage image) {
        for (PinImage saved : pins(image.aid())) {
            if (saved.value().length == 0) {
                continue; // never set (the sign password of a holder under 15): the card was issued without it
            }
            image.pin(saved.fid(), saved.value(), saved.maxTries(), saved.triesLeft());
        }
        for (FileImage saved : files(image.aid())) {
            image.file(saved.fid(), saved.content()).capacity(saved.fid(), saved.capacity());
        }
        for (KeyImage saved : keys(image.aid())) {
            image.replaceKey(saved);
        }
    }

    /** Tries left per PIN FID for one application, for status displays (no values). */
    public Map<Integer, Integer> triesLeft(byte[] aid) {
        Map<Integer, Integer> out = new LinkedHashMap<>();
        for (PinImage pin : pins(aid)) {
            out.put(pin.fid(), pin.triesLeft());
        }
        return out;
    }

    @Override
    public String toString() {
        return "CardState(format " + format + ")" + pinsByAid.keySet() + " (PIN values, files and keys masked)";
    }
}
