package dev.mynasim.harness.kiosk;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.harness.card.CardClient;
import java.util.Optional;

/**
 * The holder data of the persona the kiosk is configured with, standing in for a read of the card's
 * text application (see docs/kiosk.md): the persona file gives name, address and residence; the
 * kiosk's holders.yaml (or a scenario) gives the permanent domicile.
 */
public final class PersonaHolderData implements HolderDataSource {

    private final Persona persona;
    private final Optional<String> permanentDomicile;

    public PersonaHolderData(Persona persona, Optional<String> permanentDomicile) {
        this.persona = persona;
        this.permanentDomicile = permanentDomicile;
    }

    @Override
    public HolderData read(CardClient card, EnteredPin enteredPin) {
        return new HolderData(persona.name(), persona.address(), persona.municipalityCode(), permanentDomicile);
    }
}
