package dev.mynasim.glue.steps;

import dev.mynasim.world.World;
import dev.mynasim.world.issuer.CallCentre;
import dev.mynasim.world.issuer.MunicipalOffice;
import dev.mynasim.world.issuer.TestCertificateAuthority;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.world.relyingparty.ETaxSignatureVerifier;
import dev.mynasim.world.relyingparty.PortalLoginVerifier;
import dev.mynasim.world.relyingparty.RevocationMethod;
import dev.mynasim.world.relyingparty.VerificationResult;
import java.io.IOException;
import java.io.UncheckedIOException;
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
    private World world;
    private RevocationMethod method;
    private VerificationResult lastResult;

    public LifecycleWorld(CardWorld cardWorld) {
        this.cardWorld = cardWorld;
    }

    /** The world around the card for this scenario, over a fresh CA state directory, built on first use. */
    public World world() {
        if (world == null) {
            try {
                stateDirectory = Files.createTempDirectory("mynasim-ca-");
            } catch (IOException e) {
                throw new UncheckedIOException("cannot create a state directory for the test CA", e);
            }
            world = World.open(Fixtures.get().pki(), stateDirectory, cardWorld::today);
        }
        return world;
    }

    public TestCertificateAuthority ca() {
        return world().ca();
    }

    public CallCentre callCentre() {
        return world().callCentre();
    }

    public MunicipalOffice office() {
        return world().office();
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
        return world().eTax(method());
    }

    public PortalLoginVerifier portal() {
        return world().portal(method());
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
        return world == null ? null : Files.readString(world.ca().stateFile());
    }

    void close() throws IOException {
        if (world != null) {
            world.close();
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
