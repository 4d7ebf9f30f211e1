package dev.mynasim.world.issuer;

import java.io.IOException;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.ocsp.OCSPObjectIdentifiers;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.Extensions;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.ocsp.BasicOCSPResp;
import org.bouncycastle.cert.ocsp.BasicOCSPRespBuilder;
import org.bouncycastle.cert.ocsp.CertificateID;
import org.bouncycastle.cert.ocsp.CertificateStatus;
import org.bouncycastle.cert.ocsp.OCSPException;
import org.bouncycastle.cert.ocsp.OCSPReq;
import org.bouncycastle.cert.ocsp.OCSPResp;
import org.bouncycastle.cert.ocsp.OCSPRespBuilder;
import org.bouncycastle.cert.ocsp.Req;
import org.bouncycastle.cert.ocsp.RevokedStatus;
import org.bouncycastle.cert.ocsp.UnknownStatus;
import org.bouncycastle.cert.ocsp.jcajce.JcaBasicOCSPRespBuilder;
import org.bouncycastle.operator.DigestCalculatorProvider;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Answers OCSP requests (RFC 6960) for the test CA. The root that issued the certificates signs the
 * answer itself (no delegated responder), so a relying party needs nothing but the root. All
 * requests in one OCSPRequest must name the same root; one it does not know gets "unauthorized".
 * Status: good; revoked with its reason (certificateHold for a hold); unknown for a serial the CA
 * never issued. thisUpdate/producedAt 00:00 JST of the day asked for, nextUpdate a day later; a
 * nonce in the request is echoed.
 */
final class OcspResponder {

    private final TestCertificateAuthority ca;

    OcspResponder(TestCertificateAuthority ca) {
        this.ca = ca;
    }

    byte[] answer(byte[] requestDer, LocalDate on) {
        try {
            OCSPReq request;
            try {
                request = new OCSPReq(requestDer);
            } catch (IOException | RuntimeException e) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
            Req[] singles = request.getRequestList();
            if (singles.length == 0) {
                return status(OCSPRespBuilder.MALFORMED_REQUEST);
            }
            DigestCalculatorProvider digests = new JcaDigestCalculatorProviderBuilder().build();
            Optional<CertificatePurpose> issuer = issuerOf(singles[0].getCertID(), digests);
            if (issuer.isEmpty()) {
                return status(OCSPRespBuilder.UNAUTHORIZED);
            }
            X509Certificate caCertificate = ca.caCertificate(issuer.get());
            X509CertificateHolder caHolder = new JcaX509CertificateHolder(caCertificate);
            BasicOCSPRespBuilder builder = new JcaBasicOCSPRespBuilder(caCertificate.getPublicKey(),
                    digests.get(CertificateID.HASH_SHA1));
            Date thisUpdate = Date.from(TestCertificateAuthority.startOfDay(on));
            Date nextUpdate = Date.from(TestCertificateAuthority.startOfDay(on.plusDays(TestCertificateAuthority.STATUS_VALIDITY_DAYS)));
            for (Req single : singles) {
                CertificateID id = single.getCertID();
                if (!id.matchesIssuer(caHolder, digests)) {
                    return status(OCSPRespBuilder.UNAUTHORIZED);
                }
                builder.addResponse(id, statusOf(issuer.get(), id), thisUpdate, nextUpdate, null);
            }
            Extension nonce = request.getExtension(OCSPObjectIdentifiers.id_pkix_ocsp_nonce);
            if (nonce != null) {
                builder.setResponseExtensions(new Extensions(nonce));
            }
            BasicOCSPResp basic = builder.build(
                    new JcaContentSignerBuilder("SHA256withRSA").build(ca.caKey(issuer.get())),
                    new X509CertificateHolder[] {caHolder}, thisUpdate);
            return new OCSPRespBuilder().build(OCSPRespBuilder.SUCCESSFUL, basic).getEncoded();
        } catch (OCSPException | OperatorCreationException | CertificateEncodingException | IOException e) {
            throw new IllegalStateException("cannot build an OCSP answer: " + e.getMessage(), e);
        }
    }

    private Optional<CertificatePurpose> issuerOf(CertificateID id, DigestCalculatorProvider digests)
            throws OCSPException, CertificateEncodingException {
        for (CertificatePurpose p : CertificatePurpose.values()) {
            if (id.matchesIssuer(new JcaX509CertificateHolder(ca.caCertificate(p)), digests)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }

    /** BC's "good" is null, so this cannot be an Optional chain (a null map result would read as unknown). */
    private CertificateStatus statusOf(CertificatePurpose purpose, CertificateID id) {
        Optional<CertificateRecord> record = ca.find(purpose, id.getSerialNumber());
        if (record.isEmpty()) {
            return new UnknownStatus();
        }
        if (record.get().state() == CertificateState.GOOD) {
            return CertificateStatus.GOOD;
        }
        return new RevokedStatus(Date.from(TestCertificateAuthority.startOfDay(record.get().stateSince())),
                record.get().reason().code());
    }

    private static byte[] status(int code) throws OCSPException, IOException {
        OCSPResp response = new OCSPRespBuilder().build(code, null);
        return response.getEncoded();
    }
}
