package dev.mynasim.glue.steps;

import dev.mynasim.world.issuer.CallCentre;
import dev.mynasim.world.issuer.CertificatePurpose;
import dev.mynasim.world.issuer.MunicipalOffice;
import dev.mynasim.world.issuer.RevocationServer;
import dev.mynasim.world.issuer.TestCertificateAuthority;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.world.relyingparty.ETaxSignatureVerifier;
import dev.mynasim.world.relyingparty.PortalLoginVerifier;
import dev.mynasim.world.relyingparty.RevocationMethod;
import dev.mynasim.world.relyingparty.VerificationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The certificate side of one scenario: a test CA with its own state directory (fresh per scenario,
 * knowing every persona's committed certificates), its loopback CRL/OCSP server answering as of the
 * scenario's "today", the call centre and office over it, the relying parties and their last answer.
 * Built on first use, so scenarios that never touch certificates pay nothing.
 */
public class LifecycleWorld {

    private final CardWorld cardWorld;
    private Path stateDirectory;
    private TestCertificateAuthority ca;
    private RevocationServer server;
    private RevocationMethod method;
    private VerificationResult lastResult;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(RevocationMethod.TIMEOUT).build();

    public LifecycleWorld(CardWorld cardWorld) {
        this.cardWorld = cardWorld;
    }

    public TestCertificateAuthority ca() {
        if (ca == null) {
            try {
                stateDirectory = Files.createTempDirectory("mynasim-ca-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a state directory for the test CA", e);
            }
            ca = TestCertificateAuthority.open(Fixtures.get().pki(), stateDirectory);
            Fixtures.get().pki().allCredentials().values().forEach(ca::registerIssued);
        }
        return ca;
    }

    private RevocationServer server() {
        if (server == null) {
            server = RevocationServer.start(ca(), cardWorld::today);
        }
        return server;
    }

    public CallCentre callCentre() {
        return new CallCentre(ca());
    }

    public MunicipalOffice office() {
        return new MunicipalOffice(ca());
    }

    public void useRevocationMethod(RevocationMethod method) {
        this.method = method;
    }

    private RevocationMethod method() {
        if (method == null) {
            throw new IllegalStateException("this step needs a revocation method: add  Given relying parties check revocation by CRL  (or OCSP)");
        }
        return method;
    }

    public ETaxSignatureVerifier eTax() {
        return new ETaxSignatureVerifier(ca().caCertificate(CertificatePurpose.SIGN),
                method().sourceFor(ca(), server(), http));
    }

    public PortalLoginVerifier portal() {
        return new PortalLoginVerifier(ca().caCertificate(CertificatePurpose.AUTH),
                method().sourceFor(ca(), server(), http));
    }

    public void setLastResult(VerificationResult result) {
        this.lastResult = result;
    }

    public VerificationResult lastResult() {
        if (lastResult == null) {
            throw new IllegalStateException("no login or e-Tax filing yet in this scenario");
        }
        return lastResult;
    }

    /** The CA's state file as text, for the report (serials, personas, dates: nothing secret). */
    String stateForReport() throws IOException {
        return ca == null ? null : Files.readString(ca.stateFile());
    }

    void close() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
        if (stateDirectory != null) {
            try (Stream<Path> files = Files.walk(stateDirectory)) {
                for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
            stateDirectory = null;
        }
    }
}
