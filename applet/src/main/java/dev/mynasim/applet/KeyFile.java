package dev.mynasim.applet;

import javacard.security.KeyPair;
import javacard.security.RSAPrivateCrtKey;
import javacard.security.RSAPublicKey;

/** A private-key IEF: which PIN unlocks it, which certificate EF goes with it, and the key once loaded. */
final class KeyFile {
    /** pinFid of a key that needs no PIN (the 券面 APs' own keys, the common AP's 0019). */
    static final short NO_PIN = (short) 0;
    /** Usage: the proprietary 80 2A signature. */
    static final byte USAGE_SIGN = (byte) 1;
    /** Usage: ISO INTERNAL AUTHENTICATE (the common AP's 0019 only). */
    static final byte USAGE_INTERNAL_AUTHENTICATE = (byte) 2;

    final short fid;
    final short pinFid;
    final byte usage;
    /** The certificate EF of this key: LOCK requires the key only if that EF was created. */
    final short certificateFid;
    /** True for the key option 05 (one signature per VERIFY) applies to. */
    final boolean singleUseCandidate;
    /** Null until the first SET KEY component. */
    RSAPrivateCrtKey key;
    /** Allocated with the key: the public half GENERATE ASYMMETRIC KEY PAIR fills and answers with. */
    RSAPublicKey publicKey;
    /** Allocated with the key: the pair of key and publicKey, which jCardSim's generator belongs to. */
    KeyPair generator;
    /**
     * Allocated with the key: GENERATE ASYMMETRIC KEY PAIR makes the new pair here and swaps it in
     * only once it has passed the pairwise consistency test, so a failed generation keeps the old key.
     */
    RSAPrivateCrtKey spareKey;
    RSAPublicKey sparePublicKey;
    KeyPair spareGenerator;

    KeyFile(short fid, short pinFid, byte usage, short certificateFid, boolean singleUseCandidate) {
        this.fid = fid;
        this.pinFid = pinFid;
        this.usage = usage;
        this.certificateFid = certificateFid;
        this.singleUseCandidate = singleUseCandidate;
    }

    /** The spare pair becomes the key and the old key the spare; the caller holds a transaction. */
    void swapInSpare() {
        RSAPrivateCrtKey oldKey = key;
        RSAPublicKey oldPublicKey = publicKey;
        KeyPair oldGenerator = generator;
        key = spareKey;
        publicKey = sparePublicKey;
        generator = spareGenerator;
        spareKey = oldKey;
        sparePublicKey = oldPublicKey;
        spareGenerator = oldGenerator;
    }

    boolean isLoaded() {
        return key != null && key.isInitialized();
    }
}
