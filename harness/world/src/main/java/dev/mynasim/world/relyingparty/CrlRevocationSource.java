package dev.mynasim.world.relyingparty;

import dev.mynasim.world.issuer.RevocationReason;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.GeneralSecurityException;
import java.security.cert.CRLReason;
import java.security.cert.CertificateFactory;
import java.security.cert.X509CRL;
import java.security.cert.X509CRLEntry;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.security.auth.x500.X500Principal;

/**
 * Revocation by CRL: fetches the issuer's CRL over HTTP on every check (the scenario's date decides
 * which CRL is current, so nothing is cached), checks that the issuer signed it and that it is
 * current ({@code thisUpdate ≤ at < nextUpdate}), then looks the serial up.
 */
public final class CrlRevocationSource implements RevocationSource {

    private final HttpClient http;
    private final Map<X500Principal, URI> crlByIssuer;
    private final Duration timeout;

    /** @param crlByIssuer where each root publishes its CRL, by the root's subject */
    public CrlRevocationSource(HttpClient http, Map<X500Principal, URI> crlByIssuer, Duration timeout) {
        this.http = http;
        this.crlByIssuer = Map.copyOf(crlByIssuer);
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "CRL";
    }

    @Override
    public RevocationStatus statusOf(X509Certificate certificate, X509Certificate issuer, Instant at) throws RevocationCheckException {
        X509CRL crl = fetch(issuer);
        try {
            crl.verify(issuer.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new RevocationCheckException("the CRL from " + crlByIssuer.get(issuer.getSubjectX500Principal())
                    + " is not signed by " + issuer.getSubjectX500Principal(), e);
        }
        Instant thisUpdate = crl.getThisUpdate().toInstant();
        if (at.isBefore(thisUpdate) || crl.getNextUpdate() == null || !at.isBefore(crl.getNextUpdate().toInstant())) {
            throw new RevocationCheckException("the CRL is not current at " + at + " (thisUpdate " + thisUpdate
                    + ", nextUpdate " + crl.getNextUpdate() + ")");
        }
        X509CRLEntry entry = crl.getRevokedCertificate(certificate.getSerialNumber());
        if (entry == null) {
            return RevocationStatus.good();
        }
        CRLReason reason = entry.getRevocationReason();
        if (reason == null) {
            throw new RevocationCheckException("the CRL entry for serial " + certificate.getSerialNumber().toString(16) + " has no reason");
        }
        return RevocationStatus.revoked(RevocationReason.ofCode(rfc5280Code(reason)));
    }

    /** The CRLReason code of RFC 5280 5.3.1, named here rather than read from the enum's declaration order. */
    private static int rfc5280Code(CRLReason reason) {
        return switch (reason) {
            case UNSPECIFIED -> 0;
            case KEY_COMPROMISE -> 1;
            case CA_COMPROMISE -> 2;
            case AFFILIATION_CHANGED -> 3;
            case SUPERSEDED -> 4;
            case CESSATION_OF_OPERATION -> 5;
            case CERTIFICATE_HOLD -> 6;
            case UNUSED -> 7;
            case REMOVE_FROM_CRL -> 8;
            case PRIVILEGE_WITHDRAWN -> 9;
            case AA_COMPROMISE -> 10;
        };
    }

    private X509CRL fetch(X509Certificate issuer) throws RevocationCheckException {
        URI uri = crlByIssuer.get(issuer.getSubjectX500Principal());
        if (uri == null) {
            throw new RevocationCheckException("no CRL location known for " + issuer.getSubjectX500Principal());
        }
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(uri).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new RevocationCheckException("GET " + uri + " answered HTTP " + response.statusCode());
            }
            return (X509CRL) CertificateFactory.getInstance("X.509").generateCRL(new ByteArrayInputStream(response.body()));
        } catch (IOException | GeneralSecurityException e) {
            throw new RevocationCheckException("cannot fetch the CRL from " + uri + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RevocationCheckException("interrupted while fetching " + uri, e);
        }
    }
}
