package dev.mynasim.world.issuer;

/** The two JPKI certificate kinds, each issued (and revoked) by its own root CA. */
public enum CertificatePurpose {
    /** 利用者証明用電子証明書, issued by the auth CA. */
    AUTH,
    /** 署名用電子証明書, issued by the sign CA. */
    SIGN
}
