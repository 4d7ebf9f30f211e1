package dev.mynasim.cli;

import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.fixtures.Persona;
import picocli.CommandLine.Option;

/** {@code --persona NAME}, shared by every command that issues or names a holder's card. */
final class PersonaOption {

    @Option(names = "--persona", paramLabel = "NAME",
            description = "Whose card: a persona of fixtures/personas (mynasim personas lists them). Default: the default persona.")
    String id;

    /** The named persona, else the default one. */
    Persona persona() {
        return id == null ? Fixtures.get().personas().defaultPersona() : Fixtures.get().personas().byId(id);
    }
}
