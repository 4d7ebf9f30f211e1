package dev.mynasim.cli;

import dev.mynasim.fixtures.CardRules;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.world.issuer.MunicipalOffice;
import dev.mynasim.world.issuer.TestCertificateAuthority;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.world.issuer.CaStateDirectory;
import java.nio.file.Path;
import java.time.LocalDate;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * The option groups of the office, call-centre and CA commands, each mixed only into the commands
 * where every option of it has an effect (an option that would be ignored is refused by picocli as
 * unknown instead).
 */
final class DeskOptions {

    private DeskOptions() {
    }

    /** Whose card or certificates. */
    static final class Holder {
        @Option(names = "--persona", converter = OptionValues.PersonaId.class, paramLabel = "NAME",
                description = "Whose card (default: the default persona).")
        String personaId;

        Persona persona() {
            return personaId == null ? Fixtures.get().personas().defaultPersona() : Fixtures.get().personas().byId(personaId);
        }
    }

    /** The day the desk works on. */
    static final class Today {
        @Option(names = "--today", converter = OptionValues.Day.class, paramLabel = "YYYY-MM-DD",
                description = "The office's date (default: today in Japan).")
        LocalDate today;

        LocalDate today() {
            return today != null ? today : LocalDate.now(CardRules.JST);
        }
    }

    /** The shared test CA and office ledger. */
    static final class CaState {
        @Option(names = "--ca-state", converter = OptionValues.Folder.class, paramLabel = "DIR",
                description = "Test CA and office ledger folder (default: $MYNASIM_CA_STATE, else $XDG_STATE_HOME/mynasim/ca, else $HOME/.local/state/mynasim/ca).")
        Path caState;

        TestCertificateAuthority ca() {
            return CaStateDirectory.open(Fixtures.get().pki(), CaStateDirectory.resolve(caState));
        }

        MunicipalOffice office() {
            return new MunicipalOffice(ca());
        }
    }

    /** A desk that acts for a holder on a day, on the shared CA state (call centre, card found). */
    static final class Desk {
        @Mixin
        Holder holder;

        @Mixin
        Today day;

        @Mixin
        CaState state;
    }
}
