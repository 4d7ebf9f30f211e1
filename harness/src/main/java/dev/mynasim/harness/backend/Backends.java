package dev.mynasim.harness.backend;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.harness.fixtures.Fixtures;
import dev.mynasim.simulator.VirtualCard;
import java.util.Locale;

/**
 * Opens the reader a run is configured for. The choice comes from the system property
 * {@code mynasim.reader} (set by {@code ./mynasim check --reader}), else the environment variable
 * {@code MYNASIM_READER}, else {@code sim}.
 */
public final class Backends {

    public static final String READER_PROPERTY = "mynasim.reader";

    private Backends() {
    }

    public static String configuredReader() {
        String reader = System.getProperty(READER_PROPERTY);
        if (reader == null || reader.isBlank()) {
            reader = System.getenv("MYNASIM_READER");
        }
        return reader == null || reader.isBlank() ? "sim" : reader;
    }

    /** A reader holding a fresh card for the persona. */
    public static Backend open(Persona persona) {
        String reader = configuredReader();
        return switch (reader.toLowerCase(Locale.ROOT)) {
            case "sim" -> new SimBackend(newVirtualCard(persona));
            default -> throw new IllegalArgumentException("unknown reader \"" + reader + "\"; use sim");
        };
    }

    public static VirtualCard newVirtualCard(Persona persona) {
        return Fixtures.get().newCard(persona);
    }
}
