package dev.mynasim.world.relyingparty;

import dev.mynasim.world.issuer.RevocationReason;
import java.util.Optional;

/**
 * What a CRL or an OCSP answer says about one certificate.
 *
 * @param kind   good, revoked (a hold included, with reason certificateHold) or unknown to the CA
 * @param reason the revocation reason when revoked
 */
public record RevocationStatus(Kind kind, Optional<RevocationReason> reason) {

    public enum Kind { GOOD, REVOKED, UNKNOWN }

    public static RevocationStatus good() {
        return new RevocationStatus(Kind.GOOD, Optional.empty());
    }

    public static RevocationStatus unknown() {
        return new RevocationStatus(Kind.UNKNOWN, Optional.empty());
    }

    public static RevocationStatus revoked(RevocationReason reason) {
        return new RevocationStatus(Kind.REVOKED, Optional.of(reason));
    }
}
