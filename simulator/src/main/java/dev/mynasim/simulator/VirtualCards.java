package dev.mynasim.simulator;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.pki.PersonaCredentials;
import dev.mynasim.fixtures.pki.TestPki;
import dev.mynasim.model.CardApplication;
import dev.mynasim.model.CardFile;
import dev.mynasim.simulator.issuer.ApplicationImage;
import dev.mynasim.simulator.issuer.CardImages;
import dev.mynasim.simulator.issuer.KeyGeneratorSeeding;
import dev.mynasim.simulator.state.CardState;
import java.security.cert.X509Certificate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Issues virtual cards: a persona's data and credentials from the test PKI, personalised and locked.
 *
 * <p>What the issuer writes depends only on the persona, its credentials and the CA certificates, and
 * building it (signed card face, integrity record, CV certificates) is most of the cost of a card; so
 * each persona's image is built once per JVM and every card gets a copy with its own random seeds
 * (docs/performance.md).
 */
public final class VirtualCards {

    /** More than the personas of a run; a long-lived JVM that meets many changed personas forgets the oldest. */
    private static final int TEMPLATES_KEPT = 64;

    private record TemplateKey(Persona persona, PersonaCredentials credentials, X509Certificate authCa,
            X509Certificate signCa) {
    }

    private static final Map<TemplateKey, List<ApplicationImage>> TEMPLATES =
            new LinkedHashMap<>(16, 0.75f, true) {
                @Override
                protected boolean removeEldestEntry(Map.Entry<TemplateKey, List<ApplicationImage>> eldest) {
                    return size() > TEMPLATES_KEPT;
                }
            };

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
        List<ApplicationImage> images = images(persona, pki);
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

    /** A fresh copy of the persona's card image, with random seeds of its own. */
    static List<ApplicationImage> images(Persona persona, TestPki pki) {
        TemplateKey key = new TemplateKey(persona, pki.credentials(persona), pki.authCaCertificate(),
                pki.signCaCertificate());
        List<ApplicationImage> template;
        synchronized (TEMPLATES) {
            template = TEMPLATES.get(key);
        }
        if (template == null) {
            // Built outside the lock: two threads may both build a persona's first image, never wait on each other.
            template = CardImages.forPersona(persona, key.credentials(), key.authCa(), key.signCa());
            synchronized (TEMPLATES) {
                TEMPLATES.putIfAbsent(key, template);
            }
        }
        return template.stream().map(CardImages::reissued).toList();
    }
}
