package dev.mynasim.simulator;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.pki.TestPki;
import dev.mynasim.model.CardApplication;
import dev.mynasim.model.CardFile;
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
        refuseStateOfAnotherLayout(persona, images);
        return new VirtualCard(images, profile, seeding);
    }

    /** A saved card keeps the layout it was issued with: a state of the other layout is refused, not mixed. */
    private static void refuseStateOfAnotherLayout(Persona persona, List<ApplicationImage> images) {
        for (ApplicationImage image : images) {
            if (!image.hasAid(CardApplication.TEXT.aid())) {
                continue;
            }
            byte[] basicFour = image.files().get(CardFile.BASIC_FOUR.fid());
            CardImages.basicFourLayout(basicFour).filter(saved -> saved != persona.layout()).ifPresent(saved -> {
                throw new IllegalArgumentException("the saved card state holds a " + saved.word() + " card, not "
                        + persona.layout().word() + ": use another state file (--state) or the card's own layout");
            });
        }
    }
}
