package dev.mynasim.world.relyingparty;

import java.util.HexFormat;

/** A one-time random challenge the portal asks the card to sign with its 利用者証明用 key. */
public final class LoginChallenge {

    private final byte[] bytes;

    LoginChallenge(byte[] bytes) {
        this.bytes = bytes.clone();
    }

    /** The bytes to sign (SHA256withRSA, i.e. a SHA-256 DigestInfo for the card). */
    public byte[] bytes() {
        return bytes.clone();
    }

    @Override
    public String toString() {
        return "LoginChallenge[" + HexFormat.of().formatHex(bytes) + "]";
    }
}
