package dev.mynasim.world.kiosk;

import java.util.List;
import java.util.Objects;

/**
 * What the holder asked for in steps 8 to 11: the certificate, its type, the extra items and the
 * number of copies. The fee is the kind's convenience-store fee times the copies.
 */
public record CertificateRequest(CertificateKind kind, Choice variant, List<Choice> details, int copies) {

    public CertificateRequest {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(variant, "variant");
        details = List.copyOf(details);
        if (copies < 1) {
            throw new IllegalArgumentException("a request is for at least 1 copy, not " + copies);
        }
    }

    public int fee() {
        return Math.multiplyExact(kind.storeFee(), copies);
    }
}
