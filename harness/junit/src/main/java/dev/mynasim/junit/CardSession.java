package dev.mynasim.junit;

import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.smartcardio.CardControl;
import dev.mynasim.world.issuer.CaStateDirectory;
import dev.mynasim.world.issuer.TestCertificateAuthority;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.extension.ExtensionContext;

/** One card in one reader for a test (or a class), and the test CA beside it; closed with its JUnit scope. */
@SuppressWarnings("deprecation") // CloseableResource for JUnit before 5.13, AutoCloseable from 5.13 on
abstract class CardSession implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    private final Persona persona;
    private Path caDirectory;
    private TestCertificateAuthority ca;

    CardSession(Persona persona) {
        this.persona = persona;
    }

    abstract CardTerminal terminal();

    abstract CardControl control();

    Persona persona() {
        return persona;
    }

    /** The test CA, with every persona's issued certificates registered; made on first use, in its own directory. */
    synchronized TestCertificateAuthority ca() {
        if (ca == null) {
            try {
                caDirectory = Files.createTempDirectory("mynasim-junit-ca-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a state directory for the test CA", e);
            }
            ca = CaStateDirectory.open(Fixtures.get().pki(), caDirectory);
        }
        return ca;
    }

    /** Takes the card out of its reader and stops what serves it. */
    abstract void closeReader();

    @Override
    public void close() throws IOException {
        closeReader();
        if (caDirectory != null) {
            try (Stream<Path> files = Files.walk(caDirectory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(file);
                }
            }
        }
    }
}
