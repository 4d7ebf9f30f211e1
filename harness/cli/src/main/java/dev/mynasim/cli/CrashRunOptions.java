package dev.mynasim.cli;

import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.fixtures.Persona;
import picocli.CommandLine.Option;

/** What both crash tests ask for: how many kills, on which vpcd slot, whose card. */
final class CrashRunOptions {

    @Option(names = "--kills", converter = OptionValues.Count.class, paramLabel = "N", defaultValue = "100", description = "Kills (default ${DEFAULT-VALUE}).")
    int kills;

    @Option(names = "--slot", converter = OptionValues.Slot.class, paramLabel = "0|1", defaultValue = "1", description = "vpcd slot (default ${DEFAULT-VALUE}).")
    int slot;

    @Option(names = "--persona", converter = OptionValues.PersonaId.class, paramLabel = "NAME", defaultValue = "hanako", description = "Whose card (default ${DEFAULT-VALUE}).")
    String personaId;

    /** The persona, after checking the slot and the number of kills. */
    Persona validatedPersona() {
        if (slot != 0 && slot != 1) {
            throw new IllegalArgumentException("--slot must be 0 or 1");
        }
        if (kills < 1) {
            throw new IllegalArgumentException("--kills must be at least 1");
        }
        return Fixtures.get().personas().byId(personaId);
    }
}
