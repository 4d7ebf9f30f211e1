package dev.mynasim.world.issuer;

import java.util.Arrays;

/**
 * The RFC 5280 CRLReason codes the test CA uses, with the names they carry in CRLs, OCSP answers
 * and scenarios (e.g. {@code affiliationChanged}). docs/lifecycle.md maps each life event of docs/card-reference.md §12 to one.
 */
public enum RevocationReason {
    /** The key may be known to someone else. */
    KEY_COMPROMISE(1, "keyCompromise"),
    /** Name or address changed: the sign certificate's basic-4 information is no longer true. */
    AFFILIATION_CHANGED(3, "affiliationChanged"),
    /** Replaced by a renewed certificate. */
    SUPERSEDED(4, "superseded"),
    /** The card the key lives on is no longer used (reissue, return of the card). */
    CESSATION_OF_OPERATION(5, "cessationOfOperation"),
    /** Temporarily suspended (loss reported); the only reason that can be undone. */
    CERTIFICATE_HOLD(6, "certificateHold");

    private final int code;
    private final String rfcName;

    RevocationReason(int code, String rfcName) {
        this.code = code;
        this.rfcName = rfcName;
    }

    /** The CRLReason ENUMERATED value. */
    public int code() {
        return code;
    }

    /** The RFC 5280 name, e.g. {@code keyCompromise}. */
    public String rfcName() {
        return rfcName;
    }

    public static RevocationReason ofCode(int code) {
        for (RevocationReason r : values()) {
            if (r.code == code) {
                return r;
            }
        }
        throw new IllegalArgumentException("CRLReason " + code + " is not one the test CA uses; known: " + Arrays.toString(values()));
    }

    public static RevocationReason ofRfcName(String name) {
        for (RevocationReason r : values()) {
            if (r.rfcName.equals(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown revocation reason '" + name + "'; known: "
                + String.join(", ", Arrays.stream(values()).map(RevocationReason::rfcName).toList()));
    }

    @Override
    public String toString() {
        return rfcName;
    }
}
