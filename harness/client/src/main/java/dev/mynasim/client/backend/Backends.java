package dev.mynasim.client.backend;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.guard.GuardedBackend;
import dev.mynasim.client.pcsc.PcscReaders;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.fault.ControlledCard;
import java.util.Locale;

/**
 * Opens a reader by name: {@code sim} (in-process simulator), {@code vpcd} (the simulator served into one
 * of pcscd's virtual readers, driven through PC/SC), or any other text, which names a PC/SC reader by exact
 * name, fragment or index. Callers pass the reader they were given ({@code --reader}, or a scenario run's
 * settings); {@link #defaultReader()} is the choice when none is given.
 */
public final class Backends {

    private Backends() {
    }

    /** The reader to use when none is named: {@code $MYNASIM_READER}, else {@code sim}. */
    public static String defaultReader() {
        String reader = System.getenv(PcscReaders.READER_ENV);
        return reader == null || reader.isBlank() ? "sim" : reader.trim();
    }

    /**
     * A reader with a card for the persona: on {@code sim} and {@code vpcd} a freshly issued virtual
     * card; on a PC/SC reader whatever card is in it (the persona only supplies the PINs to type).
     * The card is identified first and its transport guarded (see {@link GuardedBackend}): there is no
     * other way to a card.
     */
    public static GuardedBackend open(String reader, Persona persona) {
        return open(reader, persona, false);
    }

    /**
     * As {@link #open(String, Persona)}; with {@code allowDestructive} the guard lets PIN-changing work reach a
     * card that is not a MynaSim virtual card ({@code check --allow-destructive}).
     */
    public static GuardedBackend open(String reader, Persona persona, boolean allowDestructive) {
        Backend raw = switch (reader.toLowerCase(Locale.ROOT)) {
            case "sim" -> new SimBackend(ControlledCard.wrap(newVirtualCard(persona)));
            case "vpcd" -> VpcdBackend.with(ControlledCard.wrap(newVirtualCard(persona)));
            default -> new PcscBackend(reader);
        };
        return GuardedBackend.protect(raw, allowDestructive);
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
