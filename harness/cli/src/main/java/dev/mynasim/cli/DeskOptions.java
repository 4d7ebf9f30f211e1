package dev.mynasim.cli;

import dev.mynasim.world.issuer.MunicipalOffice;
import dev.mynasim.world.issuer.TestCertificateAuthority;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.world.issuer.CaStateDirectory;
import java.nio.file.Path;
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
        PersonaOption holder = new PersonaOption();

        @Mixin
        TodayOption day = new TodayOption();

        @Mixin
        CaState state = new CaState();

        @Mixin
        LanguageOption language = new LanguageOption();

        /** What the office and the call centre say, in the holder's language. */
        Messages messages() {
            return language.messages();
        }

        /** "office: 利用者証明用電子証明書 … は 一時停止 です" and the like, for each record. */
        void printRecords(String key, java.util.List<dev.mynasim.world.issuer.CertificateRecord> records) {
            Messages messages = messages();
            for (dev.mynasim.world.issuer.CertificateRecord r : records) {
                System.out.println(messages.get(key, messages.get("purpose." + r.purpose().name()), r.serialHex(),
                        messages.get("state." + r.state().name())));
            }
        }
    }
}
