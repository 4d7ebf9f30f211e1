package dev.mynasim.applet;

import javacard.security.RSAPrivateCrtKey;

/** A private-key IEF: which PIN unlocks it, which certificate EF goes with it, and the key once loaded. */
final class KeyFile {
    final short fid;
    final short pinFid;
    /** The certificate EF of this key: LOCK requires the key only if that EF was created. */
    final short certificateFid;
    /** True for the key option 05 (one signature per VERIFY) applies to. */
    final boolean singleUseCandidate;
    /** Null until the first SET KEY component. */
    RSAPrivateCrtKey key;

    KeyFile(short fid, short pinFid, short certificateFid, boolean singleUseCandidate) {
        this.fid = fid;
        this.pinFid = pinFid;
        this.certificateFid = certificateFid;
        this.singleUseCandidate = singleUseCandidate;
    }

    boolean isLoaded() {
        return key != null && key.isInitialized();
    }
}
