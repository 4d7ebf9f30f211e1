package dev.mynasim.world.issuer;

import dev.mynasim.fixtures.CardRules;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.io.StateLock;
import dev.mynasim.fixtures.pki.PersonaCredentials;
import dev.mynasim.fixtures.pki.TestPki;
import java.math.BigInteger;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509CRL;
import java.security.cert.X509Certificate;
import java.security.interfaces.RSAPrivateCrtKey;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bouncycastle.asn1.x509.CRLNumber;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v2CRLBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CRLConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v2CRLBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The test certificate authority over the {@link TestPki} roots: it issues (through TestPki's issuing
 * API), revokes with a reason, puts on hold and releases, publishes CRLs and answers OCSP (see
 * {@link OcspResponder}), each signed by the root that issued the certificate.
 *
 * <p>Its memory is a state directory ({@link CaStateFile}), saved after every change, so a new
 * instance on the same directory carries on where the last one stopped. Dates are always given by
 * the caller (the scenario's "today"), never read from the system clock: a revocation takes effect
 * at 00:00 JST of its day, a CRL or OCSP answer "as of" a day is produced at 00:00 JST and is
 * good for {@link #STATUS_VALIDITY_DAYS} day. Answers reflect the CA's current state: scenarios move
 * forward in time, so there is no history of past states.
 *
 * <p>Thread-safe: the OCSP/CRL server reads while scenario steps change the state.
 */
public final class TestCertificateAuthority {

    /** How long a CRL or OCSP answer is good for (nextUpdate - thisUpdate). */
    public static final int STATUS_VALIDITY_DAYS = 1;

    private final TestPki pki;
    private final CaStateFile stateFile;
    private CaStateFile.Content state;

    private TestCertificateAuthority(TestPki pki, CaStateFile stateFile) {
        this.pki = pki;
        this.stateFile = stateFile;
        this.state = stateFile.load();
    }

    /** The CA over these roots, remembering in {@code stateDirectory} (created if missing; existing state is read). */
    public static TestCertificateAuthority open(TestPki pki, Path stateDirectory) {
        return new TestCertificateAuthority(pki, new CaStateFile(stateDirectory));
    }

    /** The state file (for reports and docs; its format is described in docs/lifecycle.md). */
    public Path stateFile() {
        return stateFile.path();
    }

    public X509Certificate caCertificate(CertificatePurpose purpose) {
        return purpose == CertificatePurpose.AUTH ? pki.authCaCertificate() : pki.signCaCertificate();
    }

    PrivateKey caKey(CertificatePurpose purpose) {
        return purpose == CertificatePurpose.AUTH ? pki.authCaKey() : pki.signCaKey();
    }

    /** Which root issued the certificate; a certificate from neither is refused. */
    public CertificatePurpose purposeOf(X509Certificate certificate) {
        for (CertificatePurpose p : CertificatePurpose.values()) {
            if (caCertificate(p).getSubjectX500Principal().equals(certificate.getIssuerX500Principal())) {
                return p;
            }
        }
        throw new IllegalArgumentException("certificate serial " + certificate.getSerialNumber().toString(16)
                + " was issued by " + certificate.getIssuerX500Principal() + ", not by the test auth or sign CA");
    }

    // ---------------------------------------------------------------- issuing

    /**
     * Records a certificate the roots issued elsewhere (e.g. the committed persona certificates on
     * the cards) as GOOD. Registering it again changes nothing.
     */
    public synchronized CertificateRecord registerIssued(String personaId, X509Certificate certificate) {
        return fresh(() -> {
            CertificatePurpose purpose = purposeOf(certificate);
            if (certificate.getBasicConstraints() >= 0) {
                throw new IllegalArgumentException("certificate serial " + certificate.getSerialNumber().toString(16)
                        + " is a CA certificate; the test CA tracks end-entity certificates only");
            }
            try {
                certificate.verify(caCertificate(purpose).getPublicKey());
            } catch (GeneralSecurityException e) {
                throw new IllegalArgumentException("certificate serial " + certificate.getSerialNumber().toString(16)
                        + " names the " + purpose + " CA as issuer but is not signed by its key", e);
            }
            Optional<CertificateRecord> known = find(purpose, certificate.getSerialNumber());
            if (known.isPresent()) {
                if (!known.get().personaId().equals(personaId)) {
                    throw new IllegalArgumentException("certificate serial " + known.get().serialHex()
                            + " is already registered to persona '" + known.get().personaId() + "'");
                }
                return known.get();
            }
            CertificateRecord record = new CertificateRecord(certificate.getSerialNumber().toString(16), purpose, personaId,
                    LocalDate.ofInstant(certificate.getNotBefore().toInstant(), CardRules.JST),
                    LocalDate.ofInstant(certificate.getNotAfter().toInstant(), CardRules.JST),
                    CertificateState.GOOD, null, null);
            state.certificates().add(record);
            save();
            return record;
        });
    }

    /** Registers all of a persona's credentials (auth and, when present, sign). */
    public void registerIssued(PersonaCredentials credentials) {
        registerIssued(credentials.personaId(), credentials.authCertificate());
        credentials.signCertificate().ifPresent(c -> registerIssued(credentials.personaId(), c));
    }

    /**
     * New keys and certificates for a persona issued on {@code on} (renewal, reissue): validity and the
     * sign-certificate age limit from {@link CardRules}, certificates from {@link TestPki}, both registered.
     */
    public PersonaCredentials issueCredentials(Persona persona, LocalDate on) {
        LocalDate expiry = CardRules.certificateExpiry(persona.birthDate(), on, persona.cardExpiry());
        KeyPair auth = TestPki.generateRsaKeyPair();
        X509Certificate authCertificate = pki.issueAuthCertificate(persona, auth.getPublic(), on, expiry);
        Optional<X509Certificate> signCertificate = Optional.empty();
        Optional<RSAPrivateCrtKey> signKey = Optional.empty();
        if (CardRules.signCertificateAllowed(persona.birthDate(), on)) {
            KeyPair sign = TestPki.generateRsaKeyPair();
            signCertificate = Optional.of(pki.issueSignCertificate(persona, sign.getPublic(), on, expiry));
            signKey = Optional.of((RSAPrivateCrtKey) sign.getPrivate());
        }
        PersonaCredentials issued = new PersonaCredentials(persona.id(), authCertificate,
                (RSAPrivateCrtKey) auth.getPrivate(), signCertificate, signKey, true);
        registerIssued(issued);
        return issued;
    }

    /**
     * One certificate for a public key made elsewhere (on the card, by GENERATE ASYMMETRIC KEY PAIR),
     * issued on {@code on} with the validity of {@link CardRules}, registered GOOD. A sign certificate
     * for a holder under 15 on that day is refused.
     */
    public X509Certificate issueCertificate(Persona persona, CertificatePurpose purpose, PublicKey key, LocalDate on) {
        X509Certificate certificate = certify(persona, purpose, key, on,
                CardRules.certificateExpiry(persona.birthDate(), on, persona.cardExpiry()));
        registerIssued(persona.id(), certificate);
        return certificate;
    }

    /**
     * Signs a certificate for a key made on the card, valid from {@code on} through {@code notAfter},
     * without recording it: the office records it with {@link #commit} once it is on the card. A sign
     * certificate for a holder under 15 on that day is refused.
     */
    public X509Certificate certify(Persona persona, CertificatePurpose purpose, PublicKey key, LocalDate on, LocalDate notAfter) {
        if (notAfter.isBefore(on)) {
            throw new IllegalArgumentException("a certificate issued on " + on + " cannot end on " + notAfter);
        }
        if (purpose == CertificatePurpose.AUTH) {
            return pki.issueAuthCertificate(persona, key, on, notAfter);
        }
        if (!CardRules.signCertificateAllowed(persona.birthDate(), on)) {
            throw new IllegalStateException("persona '" + persona.id() + "' is under 15 on " + on + ": no signature certificate");
        }
        return pki.issueSignCertificate(persona, key, on, notAfter);
    }

    /**
     * A change of one certificate's status, as the office plans it (a journal entry): to REVOKED with
     * a reason, to ON_HOLD, or back to GOOD.
     */
    public record StatusChange(CertificatePurpose purpose, String serialHex, CertificateState to, RevocationReason reason) {
    }

    /**
     * Records new certificates (GOOD) and applies status changes in one write of the state file, so a
     * revocation never lands without its replacement. Idempotent: a certificate already recorded and a
     * change already applied are left as they are, so an interrupted operation can commit again.
     */
    public synchronized void commit(String personaId, List<X509Certificate> issued, List<StatusChange> changes, LocalDate on) {
        List<CertificateRecord> list = state.certificates();
        for (X509Certificate certificate : issued) {
            CertificatePurpose purpose = purposeOf(certificate);
            if (find(purpose, certificate.getSerialNumber()).isEmpty()) {
                list.add(new CertificateRecord(certificate.getSerialNumber().toString(16), purpose, personaId,
                        LocalDate.ofInstant(certificate.getNotBefore().toInstant(), CardRules.JST),
                        LocalDate.ofInstant(certificate.getNotAfter().toInstant(), CardRules.JST),
                        CertificateState.GOOD, null, null));
            }
        }
        for (StatusChange change : changes) {
            CertificateRecord record = require(change.purpose(), new BigInteger(change.serialHex(), 16));
            if (record.state() == change.to() && java.util.Objects.equals(record.reason(), change.reason())) {
                continue;
            }
            if (record.state() == CertificateState.REVOKED) {
                throw new IllegalStateException("the " + record.purpose() + " certificate serial " + record.serialHex()
                        + " was already revoked on " + record.stateSince() + " (" + record.reason() + ")");
            }
            list.set(list.indexOf(record), record.withState(change.to(), change.reason(), on));
        }
        save();
    }

    // ---------------------------------------------------------------- status changes

    /** Revokes for good. A certificate on hold can be revoked; a revoked one cannot be revoked again. */
    public synchronized CertificateRecord revoke(CertificatePurpose purpose, BigInteger serial, RevocationReason reason, LocalDate on) {
        return fresh(() -> {
            if (reason == RevocationReason.CERTIFICATE_HOLD) {
                throw new IllegalArgumentException("certificateHold is not a revocation: use hold(...)");
            }
            CertificateRecord record = requireInTime(require(purpose, serial), on);
            if (record.state() == CertificateState.REVOKED) {
                throw new IllegalStateException("the " + purpose + " certificate serial " + record.serialHex()
                        + " was already revoked on " + record.stateSince() + " (" + record.reason() + ")");
            }
            return replace(record, record.withState(CertificateState.REVOKED, reason, on));
        });
    }

    public CertificateRecord revoke(X509Certificate certificate, RevocationReason reason, LocalDate on) {
        return revoke(purposeOf(certificate), certificate.getSerialNumber(), reason, on);
    }

    /** Suspends (certificateHold): a relying party sees it as revoked until {@link #releaseHold}. */
    public synchronized CertificateRecord hold(CertificatePurpose purpose, BigInteger serial, LocalDate on) {
        return fresh(() -> {
            CertificateRecord record = requireInTime(require(purpose, serial), on);
            if (record.state() != CertificateState.GOOD) {
                throw new IllegalStateException("only a good certificate can be put on hold; the " + purpose
                        + " certificate serial " + record.serialHex() + " is " + record.state() + " since " + record.stateSince());
            }
            return replace(record, record.withState(CertificateState.ON_HOLD, RevocationReason.CERTIFICATE_HOLD, on));
        });
    }

    public CertificateRecord hold(X509Certificate certificate, LocalDate on) {
        return hold(purposeOf(certificate), certificate.getSerialNumber(), on);
    }

    /** Ends a hold: the certificate is good again and leaves the next CRL. */
    public synchronized CertificateRecord releaseHold(CertificatePurpose purpose, BigInteger serial, LocalDate on) {
        return fresh(() -> {
            CertificateRecord record = requireInTime(require(purpose, serial), on);
            if (record.state() != CertificateState.ON_HOLD) {
                throw new IllegalStateException("the " + purpose + " certificate serial " + record.serialHex()
                        + " is not on hold (it is " + record.state() + ")");
            }
            return replace(record, record.withState(CertificateState.GOOD, null, on));
        });
    }

    public CertificateRecord releaseHold(X509Certificate certificate, LocalDate on) {
        return releaseHold(purposeOf(certificate), certificate.getSerialNumber(), on);
    }

    // ---------------------------------------------------------------- queries

    public synchronized Optional<CertificateRecord> find(CertificatePurpose purpose, BigInteger serial) {
        refresh();
        String hex = serial.toString(16);
        return state.certificates().stream()
                .filter(r -> r.purpose() == purpose && r.serialHex().equals(hex))
                .findFirst();
    }

    public Optional<CertificateRecord> find(X509Certificate certificate) {
        return find(purposeOf(certificate), certificate.getSerialNumber());
    }

    /** Every certificate issued to the persona, oldest first. */
    public synchronized List<CertificateRecord> recordsOf(String personaId) {
        refresh();
        return state.certificates().stream().filter(r -> r.personaId().equals(personaId)).toList();
    }

    // ---------------------------------------------------------------- CRL

    /**
     * The CRL of one root as of {@code on}: every certificate of that root on hold or revoked, with its
     * reason and day; thisUpdate 00:00 JST of {@code on}, nextUpdate a day later, a CRL number one
     * above the last (kept in the state file), signed SHA256withRSA by that root.
     */
    public X509CRL publishCrl(CertificatePurpose purpose, LocalDate on) {
        return publishCrl(purpose, on, crl -> { });
    }

    /**
     * As {@link #publishCrl(CertificatePurpose, LocalDate)}, with {@code deliver} run on the CRL before its
     * number is committed: if it throws (a file that cannot be written), the number is not used up.
     */
    public synchronized X509CRL publishCrl(CertificatePurpose purpose, LocalDate on, java.util.function.Consumer<X509CRL> deliver) {
        return fresh(() -> {
            X509Certificate ca = caCertificate(purpose);
            long number = state.lastCrlNumbers().getOrDefault(purpose, 0L) + 1;
            try {
                X509v2CRLBuilder builder = new JcaX509v2CRLBuilder(ca.getSubjectX500Principal(), Date.from(startOfDay(on)));
                builder.setNextUpdate(Date.from(startOfDay(on.plusDays(STATUS_VALIDITY_DAYS))));
                for (CertificateRecord r : state.certificates()) {
                    if (r.purpose() == purpose && r.state() != CertificateState.GOOD) {
                        builder.addCRLEntry(r.serial(), Date.from(startOfDay(r.stateSince())), r.reason().code());
                    }
                }
                builder.addExtension(Extension.cRLNumber, false, new CRLNumber(BigInteger.valueOf(number)));
                builder.addExtension(Extension.authorityKeyIdentifier, false,
                        new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca));
                X509CRL crl = new JcaX509CRLConverter().getCRL(
                        builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(caKey(purpose))));
                deliver.accept(crl);
                state.lastCrlNumbers().put(purpose, number);
                save();
                return crl;
            } catch (GeneralSecurityException | CertIOException | OperatorCreationException e) {
                throw new IllegalStateException("cannot build the " + purpose + " CRL: " + e.getMessage(), e);
            }
        });
    }

    // ---------------------------------------------------------------- OCSP

    /** An OCSP answer (DER OCSPResponse) to a DER OCSPRequest, as of {@code on}; see {@link OcspResponder}. */
    public byte[] answerOcsp(byte[] request, LocalDate on) {
        return new OcspResponder(this).answer(request, on);
    }

    // ---------------------------------------------------------------- internals

    /** 00:00 JST on a day: when a status change takes effect and when CRLs/OCSP answers are produced. */
    static Instant startOfDay(LocalDate day) {
        return day.atStartOfDay().toInstant(CardRules.JST);
    }

    private CertificateRecord require(CertificatePurpose purpose, BigInteger serial) {
        return find(purpose, serial).orElseThrow(() -> new IllegalArgumentException("the " + purpose
                + " certificate serial " + serial.toString(16) + " was not issued by this CA (register it first)"));
    }

    /**
     * A status change dated before the certificate was issued, or before its last change, would put
     * the CA's history out of order (a hold released before it was placed, a CRL entry from before the
     * certificate existed): refused, naming both days.
     */
    private static CertificateRecord requireInTime(CertificateRecord record, LocalDate on) {
        if (on.isBefore(record.notBefore())) {
            throw new IllegalArgumentException("the " + record.purpose() + " certificate serial " + record.serialHex()
                    + " was issued on " + record.notBefore() + "; a change dated " + on + " would come before it");
        }
        if (record.stateSince() != null && on.isBefore(record.stateSince())) {
            throw new IllegalArgumentException("the " + record.purpose() + " certificate serial " + record.serialHex()
                    + " has been " + record.state() + " since " + record.stateSince() + "; a change dated " + on + " would come before it");
        }
        return record;
    }

    private CertificateRecord replace(CertificateRecord old, CertificateRecord updated) {
        List<CertificateRecord> list = state.certificates();
        list.set(list.indexOf(old), updated);
        save();
        return updated;
    }

    /**
     * The state file's lock, with the state read afresh under it: every change is a read-modify-write of
     * the file as it is now, so changes made by other processes are kept.
     */
    private <T> T fresh(java.util.function.Supplier<T> change) {
        StateLock lock = stateFile.lock();
        try {
            if (stateFile.changedSinceSeen()) {
                state = stateFile.load();
            }
            return change.get();
        } finally {
            lock.close();
        }
    }

    /**
     * Runs several changes as one read-modify-write of the state file: no other process or thread
     * changes the CA in between (for an operation that must see and change the state as a whole).
     */
    public synchronized <T> T exclusively(java.util.function.Supplier<T> changes) {
        return fresh(changes);
    }

    /** Reads the file again if another process changed it since. */
    private void refresh() {
        if (stateFile.changedSinceSeen()) {
            StateLock lock = stateFile.lock();
            try {
                state = stateFile.load();
            } finally {
                lock.close();
            }
        }
    }

    private void save() {
        stateFile.save(new CaStateFile.Content(CaStateFile.VERSION, state.lastCrlNumbers(), new ArrayList<>(state.certificates())));
    }
}
