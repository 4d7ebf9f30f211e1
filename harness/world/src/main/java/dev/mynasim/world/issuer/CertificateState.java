package dev.mynasim.world.issuer;

/** Where an issued certificate stands at the CA. */
public enum CertificateState {
    GOOD,
    /** Suspended (certificateHold); can be released back to GOOD. */
    ON_HOLD,
    /** Revoked for good. */
    REVOKED
}
