package dev.mynasim.simulator.issuer;

import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * Everything the issuer writes into one application at personalisation: data EFs, PINs, private keys
 * and behaviour options (docs/personalisation.md). Built from a persona by {@link CardImages}, sent
 * to the card by {@link Personaliser}.
 */
public final class ApplicationImage {

    /**
     * A PIN's reference value with its try limit (0 = the application's default) and tries left. A value
     * class (copies in and out, equal by content) rather than a record, whose byte[] component would
     * compare by identity and print its bytes; its string masks the value.
     */
    public static final class PinImage {
        private final int fid;
        private final byte[] value;
        private final int maxTries;
        private final int triesLeft;

        public PinImage(int fid, byte[] value, int maxTries, int triesLeft) {
            this.fid = fid;
            this.value = value.clone();
            this.maxTries = maxTries;
            this.triesLeft = triesLeft;
        }

        public int fid() {
            return fid;
        }

        public byte[] value() {
            return value.clone();
        }

        public int maxTries() {
            return maxTries;
        }

        public int triesLeft() {
            return triesLeft;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof PinImage that && fid == that.fid && maxTries == that.maxTries
                    && triesLeft == that.triesLeft && MessageDigest.isEqual(value, that.value);
        }

        @Override
        public int hashCode() {
            return Objects.hash(fid, maxTries, triesLeft, value.length);
        }

        @Override
        public String toString() {
            return String.format("PIN %04X (value masked, %d/%d tries)", fid, triesLeft, maxTries);
        }
    }

    /**
     * An RSA-2048 private key in CRT form, each component as an unsigned big-endian 128-byte array. A
     * value class (copies in and out, equal by content) rather than a record, whose byte[] components
     * would compare by identity and print the key; its string masks the key.
     */
    public static final class KeyImage {
        private final int fid;
        private final byte[] p;
        private final byte[] q;
        private final byte[] dp;
        private final byte[] dq;
        private final byte[] qInv;

        public KeyImage(int fid, byte[] p, byte[] q, byte[] dp, byte[] dq, byte[] qInv) {
            this.fid = fid;
            this.p = p.clone();
            this.q = q.clone();
            this.dp = dp.clone();
            this.dq = dq.clone();
            this.qInv = qInv.clone();
        }

        public int fid() {
            return fid;
        }

        public byte[] p() {
            return p.clone();
        }

        public byte[] q() {
            return q.clone();
        }

        public byte[] dp() {
            return dp.clone();
        }

        public byte[] dq() {
            return dq.clone();
        }

        public byte[] qInv() {
            return qInv.clone();
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof KeyImage that && fid == that.fid && MessageDigest.isEqual(p, that.p)
                    && MessageDigest.isEqual(q, that.q) && MessageDigest.isEqual(dp, that.dp)
                    && MessageDigest.isEqual(dq, that.dq) && MessageDigest.isEqual(qInv, that.qInv);
        }

        /** The FID only: a hash of the key's bytes would be derived from the secret. */
        @Override
        public int hashCode() {
            return Integer.hashCode(fid);
        }

        @Override
        public String toString() {
            return String.format("key %04X (RSA-2048 CRT, masked)", fid);
        }
    }

    private final byte[] aid;
    private final String label;
    private final Map<Integer, byte[]> files = new LinkedHashMap<>();
    private final Map<Integer, PinImage> pins = new LinkedHashMap<>();
    private final List<KeyImage> keys = new ArrayList<>();
    private final Set<Integer> reservedKeys = new TreeSet<>();
    private final Map<Integer, byte[]> options = new LinkedHashMap<>();
    private final Map<Integer, byte[]> dataObjects = new LinkedHashMap<>();
    private byte[] randomSeed = new byte[0];
    private final Map<Integer, Integer> capacities = new LinkedHashMap<>();
    private byte[] issuerKey = new byte[0];

    public ApplicationImage(String label, byte[] aid) {
        this.label = label;
        this.aid = aid.clone();
    }

    public ApplicationImage file(int fid, byte[] content) {
        files.put(fid, content.clone());
        return this;
    }

    /** Room reserved for an EF that may grow (CREATE EF with a capacity); default: its content's length. */
    public ApplicationImage capacity(int fid, int bytes) {
        capacities.put(fid, bytes);
        return this;
    }

    /** The EF's capacity: at least its content's length. */
    public int capacityOf(int fid) {
        byte[] content = files.get(fid);
        int length = content == null ? 0 : content.length;
        return Math.max(length, capacities.getOrDefault(fid, 0));
    }

    /** The AES-128 issuer key of the issuer channel (SET KEY 80 DB 10 00); empty = none set. */
    public ApplicationImage issuerKey(byte[] key) {
        issuerKey = key.clone();
        return this;
    }

    public byte[] issuerKey() {
        return issuerKey.clone();
    }

    /** Replaces a key (a saved state's key generated on the card). */
    public ApplicationImage replaceKey(KeyImage key) {
        keys.removeIf(k -> k.fid() == key.fid());
        keys.add(key);
        return this;
    }

    public ApplicationImage pin(int fid, byte[] value, int maxTries, int triesLeft) {
        pins.put(fid, new PinImage(fid, value, maxTries, triesLeft));
        return this;
    }

    /** A key slot reserved empty (SET KEY P1=00): the office generates its key on the card later. */
    public ApplicationImage reserveKey(int fid) {
        reservedKeys.add(fid);
        return this;
    }

    public Set<Integer> reservedKeys() {
        return Collections.unmodifiableSet(reservedKeys);
    }

    public ApplicationImage key(KeyImage key) {
        keys.add(key);
        return this;
    }

    public ApplicationImage option(int option, byte[] value) {
        options.put(option, value.clone());
        return this;
    }

    /** A GET DATA object of the master file (SET DATA OBJECT), by its 2-byte tag. */
    public ApplicationImage dataObject(int tag, byte[] value) {
        dataObjects.put(tag, value.clone());
        return this;
    }

    /** Seed material for the applet's random generator (SEED RANDOM); empty = none sent. */
    public ApplicationImage seedRandom(byte[] seed) {
        randomSeed = seed.clone();
        return this;
    }

    public Map<Integer, byte[]> dataObjects() {
        return Collections.unmodifiableMap(dataObjects);
    }

    public byte[] randomSeed() {
        return randomSeed.clone();
    }

    public byte[] aid() {
        return aid.clone();
    }

    public String label() {
        return label;
    }

    public Map<Integer, byte[]> files() {
        return Collections.unmodifiableMap(files);
    }

    public Map<Integer, PinImage> pins() {
        return Collections.unmodifiableMap(pins);
    }

    public List<KeyImage> keys() {
        return Collections.unmodifiableList(keys);
    }

    public Map<Integer, byte[]> options() {
        return Collections.unmodifiableMap(options);
    }

    /** An independent copy (every array cloned): one persona's template, issued to many cards. */
    public ApplicationImage copy() {
        ApplicationImage copy = new ApplicationImage(label, aid);
        files.forEach(copy::file);
        pins.values().forEach(pin -> copy.pin(pin.fid(), pin.value(), pin.maxTries(), pin.triesLeft()));
        keys.forEach(copy::key); // a KeyImage is immutable: it holds its own copies
        options.forEach(copy::option);
        dataObjects.forEach(copy::dataObject);
        copy.capacities.putAll(capacities);
        copy.reservedKeys.addAll(reservedKeys);
        copy.randomSeed = randomSeed.clone();
        copy.issuerKey = issuerKey.clone();
        return copy;
    }

    public boolean hasAid(byte[] other) {
        return Arrays.equals(aid, other);
    }
}
