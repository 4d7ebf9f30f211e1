package dev.mynasim.world.issuer;

import java.time.LocalDate;
import java.util.List;

/**
 * The My Number Card call centre (call 0120-95-0178 when the card is lost: docs/card-reference.md §12.2). A loss report
 * puts every good certificate of the holder on hold, so relying parties see them as suspended; the
 * municipal office cancels the hold when the card is found ({@link MunicipalOffice#cancelSuspension}).
 * The card itself is lost, so nothing is done to it.
 */
public final class CallCentre {

    private final TestCertificateAuthority ca;

    public CallCentre(TestCertificateAuthority ca) {
        this.ca = ca;
    }

    /** Holds the holder's good certificates; returns them as they are now. */
    public List<CertificateRecord> reportLoss(String personaId, LocalDate on) {
        List<CertificateRecord> good = ca.recordsOf(personaId).stream()
                .filter(r -> r.state() == CertificateState.GOOD)
                .toList();
        if (good.isEmpty()) {
            throw new IllegalStateException("persona '" + personaId + "' has no good certificate to suspend");
        }
        return good.stream().map(r -> ca.hold(r.purpose(), r.serial(), on)).toList();
    }
}
