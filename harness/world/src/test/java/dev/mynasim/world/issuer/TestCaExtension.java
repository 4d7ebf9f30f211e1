package dev.mynasim.world.issuer;

import dev.mynasim.fixtures.PersonaRepository;
import dev.mynasim.fixtures.pki.PersonaCredentials;
import dev.mynasim.fixtures.pki.TestPki;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The test CA the issuer and relying-party tests share, registered with {@code @RegisterExtension}:
 * before each test, a CA in a fresh state folder with hanako's card registered (as every CLI command
 * does on opening it) and, with {@link #withRevocationServer}, its revocation server on loopback
 * answering for a day the test sets; after each test, the server closed and the folder deleted. The
 * committed test PKI and personas are loaded once per JVM.
 */
public final class TestCaExtension implements BeforeEachCallback, AfterEachCallback {

    private static final class Loaded {
        static final PersonaRepository PERSONAS = PersonaRepository.load();
        static final TestPki PKI = TestPki.load(PERSONAS);
    }

    private final AtomicReference<LocalDate> today = new AtomicReference<>();
    private boolean serve;
    private Path stateDir;
    private TestCertificateAuthority ca;
    private RevocationServer server;

    private TestCaExtension() {
    }

    /** A CA with hanako's card registered. */
    public static TestCaExtension withHanako() {
        return new TestCaExtension();
    }

    /** Also the CA's revocation server, whose day starts at {@code firstDay} (see {@link #today(LocalDate)}). */
    public TestCaExtension withRevocationServer(LocalDate firstDay) {
        serve = true;
        today.set(firstDay);
        return this;
    }

    public static PersonaRepository personas() {
        return Loaded.PERSONAS;
    }

    public static TestPki pki() {
        return Loaded.PKI;
    }

    public static PersonaCredentials credentials(String persona) {
        return Loaded.PKI.credentials(persona);
    }

    @Override
    public void beforeEach(ExtensionContext context) throws IOException {
        stateDir = Files.createTempDirectory("mynasim-test-ca");
        ca = TestCertificateAuthority.open(pki(), stateDir);
        ca.registerIssued(credentials("hanako"));
        if (serve) {
            server = RevocationServer.start(ca, today::get);
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws IOException {
        try {
            if (server != null) {
                server.close();
            }
        } finally {
            server = null;
            ca = null;
            deleteTree(stateDir);
        }
    }

    /** The CA opened before this test. */
    public TestCertificateAuthority ca() {
        return ca;
    }

    /** The CA's state folder (CA state, office ledger), this test's own. */
    public Path stateDir() {
        return stateDir;
    }

    /** The revocation server; only {@link #withRevocationServer}. */
    public RevocationServer server() {
        if (server == null) {
            throw new IllegalStateException("this test CA has no revocation server: use withRevocationServer");
        }
        return server;
    }

    /** Moves the revocation server's day (the CRLs' thisUpdate, the OCSP answers' time). */
    public void today(LocalDate day) {
        today.set(day);
    }

    private static void deleteTree(Path root) throws IOException {
        if (root == null || !Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }
}
