package dev.mynasim.harness.backend;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.harness.fixtures.Fixtures;
import dev.mynasim.simulator.VirtualCard;
import java.util.Locale;

/**
 * Opens the reader a run is configured for: {@code sim} (in-process simulator), {@code vpcd} (the
 * simulator served into pcscd's virtual reader, driven through PC/SC), or any other text, which names
 * a PC/SC reader by exact name, fragment or index. The choice comes from the system property
 * {@code mynasim.reader} (set by {@code --reader}), else the environment variable {@code MYNASIM_READER},
 * else {@code sim}.
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

    /** The configured reader with a card for the persona in it. */
    public static Backend open(Persona persona) {
        return open(configuredReader(), persona);
    }

    /**
     * A reader with a card for the persona: on {@code sim} and {@code vpcd} a freshly issued virtual
     * card; on a PC/SC reader whatever card is in it (the persona only supplies the PINs to type).
     */
    public static Backend open(String reader, Persona persona) {
        return switch (reader.toLowerCase(Locale.ROOT)) {
            case "sim" -> new SimBackend(newVirtualCard(persona));
            case "vpcd" -> VpcdBackend.with(newVirtualCard(persona));
            default -> new PcscBackend(reader);
        };
    }

    /** Whether the reader is one of ours, where the card can be removed, faulted and re-issued at will. */
    public static boolean isSimulated(String reader) {
        String name = reader.toLowerCase(Locale.ROOT);
        return name.equals("sim") || name.equals("vpcd");
    }

    public static VirtualCard newVirtualCard(Persona persona) {
        return Fixtures.get().newCard(persona);
    }
}
