package dev.mynasim.world.issuer;

import dev.mynasim.fixtures.Persona;
import java.time.LocalDate;
import java.util.List;

/**
 * The My Number Card call centre (call 0120-95-0178 when the card is lost: docs/card-reference.md §12.2). A loss report
 * puts every good certificate of the holder on hold, so relying parties see them as suspended; the
 * municipal office cancels the hold when the card is found ({@link MunicipalOffice#cancelSuspension})
 * or confirms the loss ({@link MunicipalOffice#confirmLoss}). The card itself is lost, so nothing is
 * done to it. The report is recorded in the office ledger like any office operation.
 */
public final class CallCentre {

    private final TestCertificateAuthority ca;

    public CallCentre(TestCertificateAuthority ca) {
        this.ca = ca;
    }

    /** Holds the holder's good certificates; returns the holder's certificates on hold now. */
    public List<CertificateRecord> reportLoss(Persona holder, LocalDate on) {
        return new MunicipalOffice(ca).reportLoss(holder, on);
    }
}
