package dev.mynasim.world.issuer;

import dev.mynasim.fixtures.pki.TestPki;
import java.math.BigInteger;
import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Date;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates from outside the test PKI, for the "not ours" cases. */
final class TestCertificateAuthorityTestSupport {

    private TestCertificateAuthorityTestSupport() {
    }

    /** A self-signed certificate from a CA that is neither of the test roots. */
    static X509Certificate selfSignedStranger() throws Exception {
        KeyPair keys = TestPki.generateRsaKeyPair();
        X500Name name = new X500Name("CN=Not a JPKI root");
        Date from = Date.from(Instant.ofEpochMilli(1_700_000_000_000L));
        Date to = Date.from(Instant.ofEpochMilli(2_000_000_000_000L));
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name, BigInteger.ONE, from, to, name,
                keys.getPublic()).build(new JcaContentSignerBuilder("SHA256withRSA").build(keys.getPrivate())));
    }
}
