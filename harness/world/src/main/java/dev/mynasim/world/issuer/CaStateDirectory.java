package dev.mynasim.world.issuer;

import dev.mynasim.world.issuer.TestCertificateAuthority;
import dev.mynasim.fixtures.pki.TestPki;
import java.nio.file.Path;

/**
 * Where the CLI's test CA and office ledger live, shared by {@code mynasim office}, {@code callcenter},
 * {@code ca} and {@code serve}: {@code --ca-state DIR}, else {@code $MYNASIM_CA_STATE}, else
 * {@code $XDG_STATE_HOME/mynasim/ca} or {@code ~/.local/state/mynasim/ca}.
 */
public final class CaStateDirectory {

    private CaStateDirectory() {
    }

    public static Path resolve(Path given) {
        if (given != null) {
            return given.toAbsolutePath();
        }
        String env = System.getenv("MYNASIM_CA_STATE");
        if (env != null && !env.isBlank()) {
            return Path.of(env).toAbsolutePath();
        }
        String xdg = System.getenv("XDG_STATE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".local", "state");
        return base.resolve("mynasim").resolve("ca");
    }

    /** The CA over that directory, knowing every persona's certificates as issued with the cards (idempotent). */
    public static TestCertificateAuthority open(TestPki pki, Path directory) {
        TestCertificateAuthority ca = TestCertificateAuthority.open(pki, directory);
        pki.allCredentials().values().forEach(ca::registerIssued);
        return ca;
    }
}
