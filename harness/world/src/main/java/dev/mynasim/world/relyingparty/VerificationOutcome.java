package dev.mynasim.world.relyingparty;

/** What a relying party decides about a signature or a login, with the first reason it rejects. */
public enum VerificationOutcome {
    ACCEPTED("accepted"),
    /** The certificate's last day is before the day of verification. */
    EXPIRED("expired"),
    /** The certificate's first day is after the day of verification. */
    NOT_YET_VALID("not yet valid"),
    /** Revoked for good; the result carries the reason. */
    REVOKED("revoked"),
    /** On hold (certificateHold), e.g. after a loss report. */
    SUSPENDED("suspended"),
    /** Not issued by the root this relying party trusts for the purpose. */
    WRONG_CHAIN("wrong chain"),
    /** The signature does not verify with the certificate's key, or signs something else. */
    BAD_SIGNATURE("bad signature"),
    /** The CRL or OCSP answer could not be had or trusted, or the CA does not know the certificate. */
    REVOCATION_UNKNOWN("revocation unknown");

    private final String words;

    VerificationOutcome(String words) {
        this.words = words;
    }

    /** How scenarios and reports say it, e.g. "not yet valid". */
    public String words() {
        return words;
    }

    @Override
    public String toString() {
        return words;
    }
}
