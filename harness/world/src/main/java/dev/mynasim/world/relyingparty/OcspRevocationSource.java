package dev.mynasim.world.relyingparty;

import dev.mynasim.world.issuer.RevocationReason;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.security.SecureRandom;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1OctetString;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReqBuilder;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.SingleResp;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Revocation by OCSP (RFC 6960) over HTTP POST: one request per check with a fresh 16-byte nonce
 * (RFC 8954); the answer must be signed by the issuing root itself (the test CA has no delegated
 * responder), echo the nonce, name the certificate asked about and be current at the moment asked.
 */
public final class OcspRevocationSource implements RevocationSource {

    private static final int NONCE_BYTES = 16;

    private final HttpClient http;
    private final URI responder;
    private final Duration timeout;
    private final SecureRandom random = new SecureRandom();

    public OcspRevocationSource(HttpClient http, URI responder, Duration timeout) {
        this.http = http;
        this.responder = responder;
        this.timeout = timeout;
    }

    @Override
    public String name() {
        return "OCSP";
    }

    @Override
    public RevocationStatus statusOf(X509Certificate certificate, X509Certificate issuer, Instant at) throws RevocationCheckException {
        try {
            CertificateID id = new CertificateID(new JcaDigestCalculatorProviderBuilder().build().get(CertificateID.HASH_SHA1),
                    new JcaX509CertificateHolder(issuer), certificate.getSerialNumber());
            byte[] nonce = new byte[NONCE_BYTES];
            random.nextBytes(nonce);
            byte[] request = new OCSPReqBuilder().addRequest(id)
                    .setRequestExtensions(new Extensions(new Extension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce, false,
                            new DEROctetString(new DEROctetString(nonce).getEncoded()))))
                    .build().getEncoded();
            OCSPResp response = new OCSPResp(post(request));
            if (response.getStatus() != OCSPResp.SUCCESSFUL) {
                throw new RevocationCheckException("the OCSP responder at " + responder + " answered status " + response.getStatus()
                        + " (1 malformed request, 2 internal error, 6 unauthorized)");
            }
            BasicOCSPResp basic = (BasicOCSPResp) response.getResponseObject();
            if (!basic.isSignatureValid(new JcaContentVerifierProviderBuilder().build(issuer.getPublicKey()))) {
                throw new RevocationCheckException("the OCSP answer is not signed by " + issuer.getSubjectX500Principal());
            }
            Extension echoed = basic.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (echoed == null || !Arrays.equals(nonce, ASN1OctetString.getInstance(echoed.getParsedValue()).getOctets())) {
                throw new RevocationCheckException("the OCSP answer does not echo this request's nonce (a replayed answer?)");
            }
            for (SingleResp single : basic.getResponses()) {
                if (single.getCertID().equals(id)) {
                    return statusOf(single, at);
                }
            }
            throw new RevocationCheckException("the OCSP answer does not mention serial " + certificate.getSerialNumber().toString(16));
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new RevocationCheckException("OCSP check at " + responder + " failed: " + e.getMessage(), e);
        }
    }

    private static RevocationStatus statusOf(SingleResp single, Instant at) throws RevocationCheckException {
        Instant thisUpdate = single.getThisUpdate().toInstant();
        if (at.isBefore(thisUpdate) || (single.getNextUpdate() != null && !at.isBefore(single.getNextUpdate().toInstant()))) {
            throw new RevocationCheckException("the OCSP answer is not current at " + at + " (thisUpdate " + thisUpdate
                    + ", nextUpdate " + single.getNextUpdate() + ")");
        }
        CertificateStatus status = single.getCertStatus();
        if (status == CertificateStatus.GOOD) {
            return RevocationStatus.good();
        }
        if (status instanceof UnknownStatus) {
            return RevocationStatus.unknown();
        }
        RevokedStatus revoked = (RevokedStatus) status;
        if (!revoked.hasRevocationReason()) {
            throw new RevocationCheckException("the OCSP answer says revoked without a reason");
        }
        return RevocationStatus.revoked(RevocationReason.ofCode(revoked.getRevocationReason()));
    }

    private byte[] post(byte[] request) throws IOException, RevocationCheckException {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(responder).timeout(timeout)
                            .header("Content-Type", "application/ocsp-request")
                            .POST(HttpRequest.BodyPublishers.ofByteArray(request)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            if (response.statusCode() != 200) {
                throw new RevocationCheckException("POST " + responder + " answered HTTP " + response.statusCode());
            }
            return response.body();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RevocationCheckException("interrupted while asking " + responder, e);
        }
    }
}
