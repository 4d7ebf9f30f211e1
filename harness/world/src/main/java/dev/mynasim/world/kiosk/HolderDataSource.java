package dev.mynasim.world.kiosk;

import java.security.cert.X509Certificate;
import java.util.Optional;

import dev.mynasim.client.card.CardClient;

/**
 * Where the kiosk gets the holder's name and address once the holder has proved who they are. A real
 * convenience-store kiosk never reads them from the card: the municipality's system looks the resident
 * up by the user-proof certificate that was just verified ({@link ResidentRegistry}).
 * {@link PersonaHolderData} answers from one configured persona, for unit tests of the kiosk alone.
 */
@FunctionalInterface
public interface HolderDataSource {

    /**
     * The resident's data behind a user-proof certificate.
     *
     * @param userProofCertificate the certificate the holder just proved with the PIN
     * @param card                 the card, still on the reader
     * @return the resident's data, or empty when the municipality knows no resident with that certificate
     */
    Optional<HolderData> read(X509Certificate userProofCertificate, CardClient card);
}
