package dev.mynasim.world;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.pki.TestPki;
import dev.mynasim.world.issuer.CallCentre;
import dev.mynasim.world.issuer.CaStateDirectory;
import dev.mynasim.world.issuer.CertificatePurpose;
import dev.mynasim.world.issuer.CertificateRecord;
import dev.mynasim.world.issuer.MunicipalOffice;
import dev.mynasim.world.issuer.RevocationServer;
import dev.mynasim.world.issuer.TestCertificateAuthority;
import dev.mynasim.world.kiosk.ResidentRegistry;
import dev.mynasim.world.relyingparty.ETaxSignatureVerifier;
import dev.mynasim.world.relyingparty.PortalLoginVerifier;
import dev.mynasim.world.relyingparty.RevocationMethod;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The world around the card, wired once: the test CA over a state directory (knowing every persona's
 * certificates as issued with the cards), its loopback CRL/OCSP server answering as of "today"
 * (started on first use), the office and the call centre over the CA, the relying parties, and the
 * resident registry the kiosk asks. The CLI and the scenario worlds build it here instead of each
 * wiring the parts themselves.
 */
public final class World implements AutoCloseable {

    private final TestCertificateAuthority ca;
    private final Supplier<LocalDate> today;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(RevocationMethod.TIMEOUT).build();
    private RevocationServer server;

    private World(TestCertificateAuthority ca, Supplier<LocalDate> today) {
        this.ca = ca;
        this.today = today;
    }

    /** The world of the CA whose state lives in stateDirectory, on the date today gives. */
    public static World open(TestPki pki, Path stateDirectory, Supplier<LocalDate> today) {
        return new World(CaStateDirectory.open(pki, stateDirectory), today);
    }

    public TestCertificateAuthority ca() {
        return ca;
    }

    /** The loopback CRL/OCSP server, started on first use and stopped by {@link #close()}. */
    public synchronized RevocationServer revocationServer() {
        if (server == null) {
            server = RevocationServer.start(ca, today);
        }
        return server;
    }

    public MunicipalOffice office() {
        return new MunicipalOffice(ca);
    }

    public CallCentre callCentre() {
        return new CallCentre(ca);
    }

    /** The portal's login check, asking the revocation server by the given method. */
    public PortalLoginVerifier portal(RevocationMethod method) {
        return new PortalLoginVerifier(ca.caCertificate(CertificatePurpose.AUTH), method.sourceFor(ca, revocationServer(), http));
    }

    /** e-Tax's signature check, asking the revocation server by the given method. */
    public ETaxSignatureVerifier eTax(RevocationMethod method) {
        return new ETaxSignatureVerifier(ca.caCertificate(CertificatePurpose.SIGN), method.sourceFor(ca, revocationServer(), http));
    }

    /** Who a certificate belongs to (the CA's records), the residents by id, and their permanent domicile. */
    public ResidentRegistry residentRegistry(Function<String, Persona> residents,
            Function<String, Optional<String>> permanentDomicileOf) {
        return new ResidentRegistry(certificate -> ca.find(certificate).map(CertificateRecord::personaId), residents,
                permanentDomicileOf);
    }

    @Override
    public synchronized void close() {
        if (server != null) {
            server.close();
            server = null;
        }
    }
}
