package dev.mynasim.simulator;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.pki.TestPki;
import dev.mynasim.simulator.issuer.ApplicationImage;
import dev.mynasim.simulator.issuer.CardImages;
import dev.mynasim.simulator.issuer.KeyGeneratorSeeding;
import dev.mynasim.simulator.state.CardState;
import java.util.List;
import java.util.Optional;

/** Issues virtual cards: a persona's data and credentials from the test PKI, personalised and locked. */
public final class VirtualCards {

    private VirtualCards() {
    }

    /** A card as the municipal office hands it out. */
    public static VirtualCard issue(Persona persona, TestPki pki, CardProfile profile) {
        return issue(persona, pki, profile, Optional.empty());
    }

    /** The persona's card, with its PINs as a saved state left them (changed values, spent tries). */
    public static VirtualCard issue(Persona persona, TestPki pki, CardProfile profile, Optional<byte[]> savedState) {
        return issue(persona, pki, profile, savedState, KeyGeneratorSeeding.fresh());
    }

    /** As above, with the card's key generators seeded by seeding (reproducible keys for tests and checks). */
    public static VirtualCard issue(Persona persona, TestPki pki, CardProfile profile, Optional<byte[]> savedState,
            KeyGeneratorSeeding seeding) {
        List<ApplicationImage> images = CardImages.forPersona(persona, pki.credentials(persona),
                pki.authCaCertificate(), pki.signCaCertificate());
        savedState.map(CardState::decode).ifPresent(state -> images.forEach(state::applyTo));
        return new VirtualCard(images, profile, seeding);
    }
}
