package dev.mynasim.world.kiosk;

import java.security.cert.X509Certificate;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.card.CardClient;
import java.util.Optional;

/**
 * The holder data of one configured persona, whatever card is shown: for tests of the kiosk alone.
 * The kiosk in scenarios and on the command line uses {@link ResidentRegistry}.
 */
public final class PersonaHolderData implements HolderDataSource {

    private final Persona persona;
    private final Optional<String> permanentDomicile;

    public PersonaHolderData(Persona persona, Optional<String> permanentDomicile) {
        this.persona = persona;
        this.permanentDomicile = permanentDomicile;
    }

    @Override
    public Optional<HolderData> read(X509Certificate userProofCertificate, CardClient card) {
        return Optional.of(new HolderData(persona.name(), persona.address(), persona.municipalityCode(), permanentDomicile));
    }
}
