package dev.mynasim.world.kiosk;

import java.util.Objects;
import java.util.Optional;

/**
 * What the kiosk prints about the holder and needs for its rules.
 *
 * @param name                   氏名 as on the card
 * @param address                住所 as on the card
 * @param residenceMunicipality  the municipality code of the resident registration
 * @param permanentDomicile      the municipality code of the 本籍地; empty when it is the residence municipality
 */
public record HolderData(String name, String address, String residenceMunicipality, Optional<String> permanentDomicile) {

    public HolderData {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(residenceMunicipality, "residenceMunicipality");
        Objects.requireNonNull(permanentDomicile, "permanentDomicile");
    }

    /** The family-register precaution of docs/card-reference.md §12.3. */
    public boolean domicileDiffersFromResidence() {
        return permanentDomicile.map(code -> !code.equals(residenceMunicipality)).orElse(false);
    }
}
