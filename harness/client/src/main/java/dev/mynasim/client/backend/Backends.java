package dev.mynasim.client.backend;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.client.guard.GuardedBackend;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.fault.ControlledCard;
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
    /** Set by {@code --allow-destructive}: PIN-changing runs may go to a card that is not virtual. */
    public static final String ALLOW_DESTRUCTIVE_PROPERTY = "mynasim.allowDestructive";

    private Backends() {
    }

    public static String configuredReader() {
        String reader = System.getProperty(READER_PROPERTY);
        if (reader == null || reader.isBlank()) {
            reader = System.getenv("MYNASIM_READER");
        }
        return reader == null || reader.isBlank() ? "sim" : reader;
    }

    public static boolean destructiveAllowed() {
        return Boolean.getBoolean(ALLOW_DESTRUCTIVE_PROPERTY);
    }

    /** The configured reader with a card for the persona in it, identified and guarded. */
    public static GuardedBackend open(Persona persona) {
        return open(configuredReader(), persona);
    }

    /**
     * A reader with a card for the persona: on {@code sim} and {@code vpcd} a freshly issued virtual
     * card; on a PC/SC reader whatever card is in it (the persona only supplies the PINs to type).
     * The card is identified first and its transport guarded (see {@link GuardedBackend}): there is no
     * other way to a card.
     */
    public static GuardedBackend open(String reader, Persona persona) {
        Backend raw = switch (reader.toLowerCase(Locale.ROOT)) {
            case "sim" -> new SimBackend(ControlledCard.wrap(newVirtualCard(persona)));
            case "vpcd" -> VpcdBackend.with(ControlledCard.wrap(newVirtualCard(persona)));
            default -> new PcscBackend(reader);
        };
        return GuardedBackend.protect(raw, destructiveAllowed());
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
