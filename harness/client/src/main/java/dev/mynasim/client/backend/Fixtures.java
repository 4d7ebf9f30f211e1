package dev.mynasim.client.backend;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.PersonaRepository;
import dev.mynasim.fixtures.pki.TestPki;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.VirtualCards;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The personas and the test PKI, loaded once per JVM. Personas come from the checkout's
 * fixtures/personas folder when there is one (so an edited persona takes effect without a rebuild),
 * else from the jar.
 */
public final class Fixtures {

    private static volatile Fixtures instance;

    private final PersonaRepository personas;
    private final TestPki pki;

    private Fixtures(PersonaRepository personas, TestPki pki) {
        this.personas = personas;
        this.pki = pki;
    }

    public static Fixtures get() {
        Fixtures local = instance;
        if (local == null) {
            synchronized (Fixtures.class) {
                local = instance;
                if (local == null) {
                    local = load();
                    instance = local;
                }
            }
        }
        return local;
    }

    private static Fixtures load() {
        String home = System.getProperty("mynasim.home", ".");
        Path personaDir = Path.of(home, "fixtures", "personas");
        Path pkiDir = Path.of(home, "fixtures", "pki");
        if (Files.isDirectory(personaDir) && Files.isDirectory(pkiDir)) {
            PersonaRepository personas = PersonaRepository.load(personaDir);
            return new Fixtures(personas, TestPki.load(pkiDir, personas));
        }
        PersonaRepository personas = PersonaRepository.load();
        return new Fixtures(personas, TestPki.load(personas));
    }

    public PersonaRepository personas() {
        return personas;
    }

    public TestPki pki() {
        return pki;
    }

    /** A freshly issued virtual card for the persona, contact profile. */
    public VirtualCard newCard(Persona persona) {
        return VirtualCards.issue(persona, pki, CardProfile.CONTACT);
    }
}
