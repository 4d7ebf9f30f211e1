package dev.mynasim.world.kiosk;

import java.util.List;

/**
 * A certificate the kiosk issues, as fixtures/kiosk/certificates.yaml describes it.
 *
 * @param storeFee       yen per copy at a convenience store
 * @param officeFee      yen per copy at the municipal office (for comparison; the kiosk charges storeFee)
 * @param familyRegister a 戸籍 certificate: refused when the permanent domicile differs from the resident registration
 * @param variants       step 9's choices (never empty)
 * @param details        step 10's optional items (may be empty)
 */
public record CertificateKind(String id, String ja, String en, int storeFee, int officeFee, boolean familyRegister,
        List<Choice> variants, List<Choice> details) {

    public CertificateKind {
        variants = List.copyOf(variants);
        details = List.copyOf(details);
    }

    @Override
    public String toString() {
        return ja + " (" + en + ")";
    }
}
