package dev.mynasim.world.issuer;

import dev.mynasim.fixtures.CardRules;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.PinRules;
import dev.mynasim.world.issuer.OfficeLedger.Pending;
import dev.mynasim.world.issuer.OfficeLedger.Phase;
import dev.mynasim.world.issuer.OfficeLedger.Registered;
import dev.mynasim.world.issuer.TestCertificateAuthority.StatusChange;
import java.io.ByteArrayInputStream;
import java.math.BigInteger;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.GeneralSecurityException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.RSAKeyGenParameterSpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The municipal office's and the call centre's part in the card's life (docs/lifecycle.md). Every
 * operation (the life events of docs/card-reference.md §12) is a transaction over the card, the CA
 * and the ledger:
 * <ol>
 *   <li><b>validate</b> everything first (dates, the holder's age, what the card's files can hold,
 *       the password rule) and plan the certificates, revocations and fee;</li>
 *   <li>write the plan to the ledger's journal ({@link Pending}, phase CARD);</li>
 *   <li>change the card (keys made on it, certificates signed but not yet recorded, records rewritten);</li>
 *   <li>journal phase COMMIT with the new certificates;</li>
 *   <li>one write of the CA state: the new certificates and the revocations together;</li>
 *   <li>one write of the ledger: the registration, the history entry and the fee, journal cleared.</li>
 * </ol>
 * A failure in validation changes nothing. A failure or kill after step 2 leaves the journal: the
 * same command run again resumes it (the card steps again from the start, they are idempotent; the
 * commit steps are idempotent too, so no fee is taken twice). Any other office or call-centre
 * command on the same state folder is refused until then, naming the command to run again.
 */
public final class MunicipalOffice {

    /** Guidebook: reissue after loss or damage costs 1,000 yen. */
    public static final int REISSUE_FEE_YEN = 1000;
    /** Room kept in a certificate EF for the serial and signature lengths varying between issues. */
    private static final int CERTIFICATE_SIZE_MARGIN = 64;

    /** The certificates the office wrote onto a card. */
    public record IssuedCertificates(X509Certificate auth, Optional<X509Certificate> sign) {
    }

    /** A certificate to issue onto the card, through {@code notAfter}. */
    private record CertificateSpec(CertificatePurpose purpose, LocalDate notAfter) {
    }

    /** A validated operation: what to do to the card, the CA and the ledger. */
    private record Plan(String command, String argument, Persona asIssued, Persona after, LocalDate on,
            boolean rewriteCard, List<CertificateSpec> issue, List<StatusChange> changes, int feeYen,
            CardEvent event, String detail, Registered registered) {
    }

    private final TestCertificateAuthority ca;
    private final OfficeLedger ledger;

    public MunicipalOffice(TestCertificateAuthority ca) {
        this.ca = ca;
        this.ledger = new OfficeLedger(ca.stateFile().getParent());
    }

    public OfficeLedger ledger() {
        return ledger;
    }

    /** The holder's card as registered now (name, address, current card, period of stay). */
    public Persona current(Persona asIssued) {
        return ledger.current(asIssued);
    }

    // ---------------------------------------------------------------- call centre and loss

    /** Loss report (call centre): every good certificate of the holder on hold; the card is not touched. */
    public List<CertificateRecord> reportLoss(Persona asIssued, LocalDate on) {
        String command = "callcenter suspend";
        Runnable validation = () -> {
            checkDate(asIssued, on, command);
            if (records(asIssued, CertificateState.GOOD).isEmpty()) {
                throw new IllegalStateException("persona '" + asIssued.id() + "' has no good certificate to suspend");
            }
        };
        transact(command, null, asIssued, on, validation, () -> {
            List<StatusChange> changes = records(asIssued, CertificateState.GOOD).stream()
                    .map(r -> new StatusChange(r.purpose(), r.serialHex(), CertificateState.ON_HOLD, RevocationReason.CERTIFICATE_HOLD))
                    .toList();
            return plan(command, null, asIssued, current(asIssued), on, false, List.of(), changes, 0,
                    CardEvent.LOSS_REPORTED, changes.size() + " certificate(s) on hold", null);
        }, null, null);
        return ca.recordsOf(asIssued.id()).stream().filter(r -> r.state() == CertificateState.ON_HOLD).toList();
    }

    /** The card was found: every certificate of the holder on hold is good again. */
    public List<CertificateRecord> cancelSuspension(Persona asIssued, LocalDate on) {
        String command = "office card-found";
        Runnable validation = () -> {
            checkDate(asIssued, on, command);
            if (records(asIssued, CertificateState.ON_HOLD).isEmpty()) {
                throw new IllegalStateException("persona '" + asIssued.id() + "' has no suspended certificate (no loss was reported)");
            }
        };
        List<CertificateRecord> held = records(asIssued, CertificateState.ON_HOLD);
        transact(command, null, asIssued, on, validation, () -> {
            List<StatusChange> changes = records(asIssued, CertificateState.ON_HOLD).stream()
                    .map(r -> new StatusChange(r.purpose(), r.serialHex(), CertificateState.GOOD, null)).toList();
            return plan(command, null, asIssued, current(asIssued), on, false, List.of(), changes, 0,
                    CardEvent.CARD_FOUND, changes.size() + " hold(s) released", null);
        }, null, null);
        return held.stream().map(r -> ca.find(r.purpose(), r.serial()).orElseThrow()).toList();
    }

    /**
     * The loss confirmed at the office (the card is not coming back): every certificate not yet
     * revoked is revoked (keyCompromise: the key is out of the holder's hands), and only a reissue
     * is possible afterwards.
     */
    public List<CertificateRecord> confirmLoss(Persona asIssued, LocalDate on) {
        String command = "office confirm-loss";
        Runnable validation = () -> {
            checkDate(asIssued, on, command);
            if (ledger.lossConfirmed(asIssued.id()).isPresent()) {
                throw new IllegalStateException("the loss of " + asIssued.id() + "'s card was already confirmed on "
                        + ledger.lossConfirmed(asIssued.id()).get() + ": the next step is a reissue");
            }
        };
        transact(command, null, asIssued, on, validation, () -> {
            List<StatusChange> changes = unrevoked(asIssued).stream()
                    .map(r -> new StatusChange(r.purpose(), r.serialHex(), CertificateState.REVOKED, RevocationReason.KEY_COMPROMISE))
                    .toList();
            Registered was = ledger.registered(asIssued.id());
            Registered now = new Registered(was.name(), was.address(), was.cardIssueDate(), was.periodOfStayEnd(), on);
            return plan(command, null, asIssued, current(asIssued), on, false, List.of(), changes, 0,
                    CardEvent.LOSS_CONFIRMED, changes.size() + " certificate(s) revoked", now);
        }, null, null);
        return ca.recordsOf(asIssued.id()).stream()
                .filter(r -> r.reason() == RevocationReason.KEY_COMPROMISE && on.equals(r.stateSince())).toList();
    }

    // ---------------------------------------------------------------- changes of name and address

    /** A move registered without the card: the sign certificate (which carries the old address) is revoked. */
    public Persona registerAddressChange(Persona asIssued, String newAddress, LocalDate on) {
        return changeData(asIssued, on, "office register-address", newAddress, current(asIssued).withAddress(newAddress),
                CardEvent.ADDRESS_CHANGE, null);
    }

    /** A change of name registered without the card: the sign certificate (which carries the old name) is revoked. */
    public Persona registerNameChange(Persona asIssued, String newName, LocalDate on) {
        return changeData(asIssued, on, "office register-name", newName, current(asIssued).withName(newName),
                CardEvent.NAME_CHANGE, null);
    }

    /**
     * A move with the card at the counter: the sign certificate revoked (affiliationChanged), the new
     * address written to the card's text and surface APs, and a new sign key and certificate put onto
     * it, ending no later than the user-proof certificate.
     */
    public Persona changeAddress(Persona asIssued, String newAddress, LocalDate on, IssuerCardChannel card) {
        return changeData(asIssued, on, "office change-address", newAddress, current(asIssued).withAddress(newAddress),
                CardEvent.ADDRESS_CHANGE, card);
    }

    /** A change of name with the card at the counter, as {@link #changeAddress}. */
    public Persona changeName(Persona asIssued, String newName, LocalDate on, IssuerCardChannel card) {
        return changeData(asIssued, on, "office change-name", newName, current(asIssued).withName(newName),
                CardEvent.NAME_CHANGE, card);
    }

    private Persona changeData(Persona asIssued, LocalDate on, String command, String value, Persona after,
            CardEvent event, IssuerCardChannel card) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("the new " + (event == CardEvent.NAME_CHANGE ? "name" : "address") + " is empty");
        }
        Runnable validation = () -> {
            checkDate(asIssued, on, command);
            if (card != null) {
                checkCardUsable(asIssued, on);
            }
        };
        transact(command, value, asIssued, on, validation, () -> {
            List<StatusChange> changes = unrevoked(asIssued).stream()
                    .filter(r -> r.purpose() == CertificatePurpose.SIGN)
                    .map(r -> new StatusChange(r.purpose(), r.serialHex(), CertificateState.REVOKED, RevocationReason.AFFILIATION_CHANGED))
                    .toList();
            List<CertificateSpec> issue = new ArrayList<>();
            if (card != null && CardRules.signCertificateAllowed(after.birthDate(), on)) {
                Optional<CertificateRecord> auth = currentAuth(asIssued, on);
                if (auth.isPresent() && holderHasSignature(asIssued)) {
                    issue.add(new CertificateSpec(CertificatePurpose.SIGN, signExpiry(after, on, auth.get().notAfter())));
                }
            }
            Registered was = ledger.registered(asIssued.id());
            Registered now = new Registered(after.name().equals(asIssued.name()) ? null : after.name(),
                    after.address().equals(asIssued.address()) ? null : after.address(),
                    was.cardIssueDate(), was.periodOfStayEnd(), was.lossConfirmed());
            return plan(command, value, asIssued, after, on, card != null, issue, changes, 0, event,
                    (event == CardEvent.NAME_CHANGE ? "name " : "address ") + value + (card == null ? " (card not presented)" : ""), now);
        }, card, null);
        return current(asIssued);
    }

    // ---------------------------------------------------------------- renewals, reissue, stay

    /**
     * Renews the holder's certificates: from 3 months before the current user-proof certificate's
     * expiry, or at any time after it expired (new certificates are issued instead). New key pairs
     * generated on the card, new certificates written to it, the old ones revoked as superseded. No
     * fee. Certificates that end with the card are renewed with the card ({@link #renewCard}).
     */
    public IssuedCertificates renewCertificates(Persona asIssued, LocalDate on, IssuerCardChannel card) {
        String command = "office renew";
        Runnable validation = () -> {
            checkDate(asIssued, on, command);
            checkCardUsable(asIssued, on);
            Persona now = current(asIssued);
            Optional<CertificateRecord> latest = latestAuth(asIssued);
            if (latest.isPresent() && !latest.get().notAfter().isBefore(on)) {
                LocalDate expiry = latest.get().notAfter();
                if (!CardRules.inRenewalWindow(expiry, on)) {
                    throw new IllegalStateException("the certificates expiring on " + expiry + " can be renewed from "
                            + CardRules.renewalWindowOpens(expiry) + ", not on " + on);
                }
            }
            if (CardRules.certificateExpiry(now.birthDate(), on, now.cardExpiry()).equals(latest.map(CertificateRecord::notAfter).orElse(null))) {
                throw new IllegalStateException("the certificates end with the card on " + now.cardExpiry()
                        + ": renew the card instead (office renew-card)");
            }
        };
        return certificatesAfter(transact(command, null, asIssued, on, validation, () -> {
            Persona now = current(asIssued);
            return plan(command, null, asIssued, now, on, false, allCertificates(now, on),
                    revokeAll(asIssued, RevocationReason.SUPERSEDED), 0, CardEvent.CERTIFICATE_RENEWAL,
                    "certificates to " + CardRules.certificateExpiry(now.birthDate(), on, now.cardExpiry()), null);
        }, card, null));
    }

    /**
     * Renewal of the card at its expiry (free): from 3 months before the card's expiry, or after it.
     * The card in the reader is the new card: a new card expiry counted from {@code on}, its records
     * rewritten, new keys and certificates; the old card's certificates revoked (cessationOfOperation).
     */
    public IssuedCertificates renewCard(Persona asIssued, LocalDate on, IssuerCardChannel newCard) {
        String command = "office renew-card";
        Runnable validation = () -> {
            checkDate(asIssued, on, command);
            checkNoLoss(asIssued);
            Persona now = current(asIssued);
            if (on.isBefore(CardRules.renewalWindowOpens(now.cardExpiry()))) {
                throw new IllegalStateException("the card expiring on " + now.cardExpiry() + " can be renewed from "
                        + CardRules.renewalWindowOpens(now.cardExpiry()) + ", not on " + on);
            }
            if (now.periodOfStayEnd().isPresent() && !now.periodOfStayEnd().get().isAfter(on)) {
                throw new IllegalStateException("the period of stay ended on " + now.periodOfStayEnd().get()
                        + ": register its extension first (office extend-stay)");
            }
        };
        return certificatesAfter(transact(command, null, asIssued, on, validation,
                () -> newCardPlan(command, asIssued, on, 0, CardEvent.CARD_RENEWAL), newCard, null));
    }

    /**
     * Reissue (card lost, or broken by heat, liquid or magnetism): every certificate of the old card
     * that is not yet revoked is revoked as cessationOfOperation, the 1,000 yen fee is recorded, and
     * the new card (the one in the reader) gets a new card expiry counted from {@code on}, its records,
     * new key pairs and certificates.
     */
    public IssuedCertificates reissueCard(Persona asIssued, LocalDate on, IssuerCardChannel newCard) {
        String command = "office reissue";
        Runnable validation = () -> checkDate(asIssued, on, command);
        return certificatesAfter(transact(command, null, asIssued, on, validation,
                () -> newCardPlan(command, asIssued, on, REISSUE_FEE_YEN, CardEvent.REISSUE), newCard, null));
    }

    private Plan newCardPlan(String command, Persona asIssued, LocalDate on, int fee, CardEvent event) {
        Persona was = current(asIssued);
        Persona after = was.withIssueDate(on);
        Registered reg = ledger.registered(asIssued.id());
        Registered now = new Registered(reg.name(), reg.address(), on, reg.periodOfStayEnd(), null);
        return plan(command, null, asIssued, after, on, true, allCertificates(after, on),
                revokeAll(asIssued, RevocationReason.CESSATION_OF_OPERATION), fee, event,
                "card to " + after.cardExpiry() + ", certificates to " + CardRules.certificateExpiry(after.birthDate(), on, after.cardExpiry()), now);
    }

    /**
     * A foreign resident's period of stay extended: the card's expiry follows the new period (written
     * to the card's records). Certificates that ended with the old period are renewed (new keys, old
     * ones superseded); certificates that end earlier, at the 5th birthday, are kept.
     */
    public Persona extendStay(Persona asIssued, LocalDate newEnd, LocalDate on, IssuerCardChannel card) {
        String command = "office extend-stay";
        Runnable validation = () -> {
            checkDate(asIssued, on, command);
            checkNoLoss(asIssued);
            Persona now = current(asIssued);
            if (now.periodOfStayEnd().isEmpty()) {
                throw new IllegalArgumentException("persona '" + asIssued.id() + "' has no period of stay to extend");
            }
            LocalDate oldEnd = now.periodOfStayEnd().get();
            if (!newEnd.isAfter(oldEnd)) {
                throw new IllegalArgumentException("the new end of stay " + newEnd + " is not after the current one, " + oldEnd);
            }
            if (on.isAfter(oldEnd)) {
                throw new IllegalStateException("the period of stay ended on " + oldEnd + ": an extension is registered before it ends");
            }
            if (records(asIssued, CertificateState.ON_HOLD).size() > 0) {
                throw new IllegalStateException("the certificates of " + asIssued.id() + " are suspended (loss reported): office card-found first");
            }
        };
        transact(command, newEnd.toString(), asIssued, on, validation, () -> {
            Persona now = current(asIssued);
            Persona after = now.withPeriodOfStayEnd(newEnd);
            LocalDate oldExpiry = now.cardExpiry();
            boolean renew = latestAuth(asIssued).filter(r -> r.notAfter().equals(oldExpiry) && !r.notAfter().isBefore(on)).isPresent()
                    || currentAuth(asIssued, on).isEmpty();
            Registered reg = ledger.registered(asIssued.id());
            Registered registered = new Registered(reg.name(), reg.address(), reg.cardIssueDate(), newEnd, reg.lossConfirmed());
            return plan(command, newEnd.toString(), asIssued, after, on, true,
                    renew ? allCertificates(after, on) : List.of(),
                    renew ? revokeAll(asIssued, RevocationReason.SUPERSEDED) : List.of(), 0, CardEvent.STAY_EXTENSION,
                    "stay and card to " + newEnd + (renew ? ", certificates renewed to "
                            + CardRules.certificateExpiry(after.birthDate(), on, after.cardExpiry()) : ", certificates kept"),
                    registered);
        }, card, null);
        return current(asIssued);
    }

    /**
     * The first signature certificate of a holder whose card was issued under 15, once they have
     * turned 15 (Japan's age rule: from the 15th birthday itself): a sign key generated on the card in
     * its empty key slot, the signature password set (6 to 16 of A-Z0-9 with a letter and a digit),
     * and the certificate written, to the earlier of the 5th birthday after {@code on} and the card's
     * expiry, never after the user-proof certificate. No fee. Refused, changing nothing, before the
     * 15th birthday, for a holder who already has a signature password, or when the user-proof
     * certificate is not current (renew it first).
     */
    public IssuedCertificates issueFirstSignatureCertificate(Persona asIssued, String signPassword, LocalDate on, IssuerCardChannel card) {
        String command = CardEvent.FIRST_SIGNATURE_CERTIFICATE.verb();
        Runnable validation = () -> {
            checkDate(asIssued, on, command);
            Persona now = current(asIssued);
            if (holderHasSignature(asIssued)) {
                throw new IllegalStateException(asIssued.id() + " already has a signature password and key on the card:"
                        + " a signature certificate is renewed (office renew), or issued again after a move with the card");
            }
            if (!CardRules.signCertificateAllowed(now.birthDate(), on)) {
                throw new IllegalStateException(asIssued.id() + " turns 15 on "
                        + CardRules.firstDayOfAge(now.birthDate(), CardRules.SIGN_CERTIFICATE_MIN_AGE)
                        + ": a signature certificate is issued from that day, not on " + on);
            }
            Optional<String> problem = PinRules.signPasswordProblem(signPassword);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("the new signature password " + problem.get());
            }
            checkCardUsable(asIssued, on);
            if (currentAuth(asIssued, on).isEmpty()) {
                throw new IllegalStateException("the user-proof certificate of " + asIssued.id() + " is not current on " + on
                        + latestAuth(asIssued).map(r -> " (it ended on " + r.notAfter() + ")").orElse("")
                        + ": renew the certificates first (office renew)");
            }
        };
        return certificatesAfter(transact(command, null, asIssued, on, validation, () -> {
            Persona now = current(asIssued);
            LocalDate until = signExpiry(now, on, currentAuth(asIssued, on).orElseThrow().notAfter());
            return plan(command, null, asIssued, now, on, false, List.of(new CertificateSpec(CertificatePurpose.SIGN, until)),
                    List.of(), 0, CardEvent.FIRST_SIGNATURE_CERTIFICATE, "signature certificate to " + until, null);
        }, card, c -> c.setFirstPin("signature password", signPassword)));
    }

    /**
     * A locked (or forgotten) PIN reset at the counter, after the holder has shown who they are. The
     * new value must follow the setting rule (4 digits; the signature password 6 to 16 of A-Z0-9 with
     * a letter and a digit).
     */
    public void resetPin(Persona asIssued, String pinLabel, String newValue, LocalDate on, IssuerCardChannel card) {
        String command = "office reset-pin";
        Runnable validation = () -> {
            checkDate(asIssued, on, command);
            checkCardUsable(asIssued, on);
            Optional<String> problem = pinLabel.equals("signature password")
                    ? PinRules.signPasswordProblem(newValue) : PinRules.fourDigitPinProblem(newValue);
            if (problem.isPresent()) {
                throw new IllegalArgumentException("the new " + pinLabel + " " + problem.get());
            }
        };
        transact(command, pinLabel, asIssued, on, validation, () -> plan(command, pinLabel, asIssued, current(asIssued), on,
                false, List.of(), List.of(), 0, CardEvent.PIN_RESET, pinLabel, null), card, c -> c.resetPin(pinLabel, newValue));
    }

    // ---------------------------------------------------------------- the transaction

    private static Plan plan(String command, String argument, Persona asIssued, Persona after, LocalDate on, boolean rewriteCard,
            List<CertificateSpec> issue, List<StatusChange> changes, int fee, CardEvent event, String detail, Registered registered) {
        return new Plan(command, argument, asIssued, after, on, rewriteCard, issue, changes, fee, event, detail, registered);
    }

    /**
     * Runs one operation: resumes the journal when it is this operation, else validates, journals,
     * changes the card, then commits to the CA and the ledger. Returns the certificates written.
     */
    private List<X509Certificate> transact(String command, String argument, Persona asIssued, LocalDate on, Runnable validation,
            java.util.function.Supplier<Plan> planner, IssuerCardChannel card, java.util.function.Consumer<IssuerCardChannel> secretStep) {
        Optional<Pending> journal = ledger.pending();
        if (journal.isPresent() && !journal.get().sameAs(command, asIssued.id(), on, argument)) {
            Pending other = journal.get();
            throw new IllegalStateException("an interrupted operation is waiting to be completed: " + other.command()
                    + " for " + other.personaId() + " on " + other.on()
                    + (other.argument() == null || other.command().endsWith("reset-pin") ? "" : " (" + other.argument() + ")")
                    + "; run that command again first");
        }
        Pending pending = journal.orElse(null);
        Plan plan = null;
        if (pending == null || pending.phase() == Phase.CARD) {
            validation.run();
            plan = planner.get();
            if ((!plan.issue().isEmpty() || plan.rewriteCard() || secretStep != null) && card == null) {
                throw new IllegalStateException(command + " needs the card in the reader");
            }
            if (card != null) {
                card.checkFits(plan.after(), plan.issue().isEmpty() ? 0 : largestCertificate(plan) + CERTIFICATE_SIZE_MARGIN);
            }
            if (pending == null) {
                pending = new Pending(UUID.randomUUID().toString(), command, asIssued.id(), on, argument, Phase.CARD,
                        plan.registered(), plan.changes(), List.of(), plan.feeYen(), plan.event(), plan.detail());
                ledger.begin(pending);
            }
        }
        if (pending.phase() == Phase.CARD) {
            List<String> issued = new ArrayList<>();
            if (card != null) {
                if (plan.rewriteCard()) {
                    card.rewritePersonalData(plan.after());
                }
                for (CertificateSpec spec : plan.issue()) {
                    X509Certificate certificate = ca.certify(plan.after(), spec.purpose(), card.generateKeyPair(spec.purpose()), on, spec.notAfter());
                    card.writeCertificate(spec.purpose(), certificate);
                    issued.add(encode(certificate));
                }
                if (secretStep != null) {
                    secretStep.accept(card);
                }
            }
            pending = ledger.committing(pending, issued);
        }
        List<X509Certificate> certificates = pending.issuedCertificates().stream().map(MunicipalOffice::decode).toList();
        ca.commit(pending.personaId(), certificates, pending.statusChanges(), pending.on());
        ledger.complete(pending);
        return certificates;
    }

    /** The size a certificate for this plan will have, measured on a throwaway key of the card's size. */
    private int largestCertificate(Plan plan) {
        int largest = 0;
        for (CertificateSpec spec : plan.issue()) {
            try {
                largest = Math.max(largest, ca.certify(plan.after(), spec.purpose(), SizingKey.RSA_2048, plan.on(), spec.notAfter()).getEncoded().length);
            } catch (java.security.cert.CertificateEncodingException e) {
                throw new IllegalStateException("cannot encode a certificate", e);
            }
        }
        return largest;
    }

    /**
     * A stand-in public key for sizing a certificate before the card makes the real one: every RSA-2048
     * modulus has its top bit set, so its DER encoding (and the certificate's) has the same length whatever
     * the key. Generating a real pair here cost a key generation per office operation (docs/performance.md).
     */
    private static final class SizingKey {
        static final PublicKey RSA_2048 = sizingKey();

        private static PublicKey sizingKey() {
            BigInteger modulus = BigInteger.ONE.shiftLeft(2048).subtract(BigInteger.ONE);
            try {
                return KeyFactory.getInstance("RSA").generatePublic(new RSAPublicKeySpec(modulus, RSAKeyGenParameterSpec.F4));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("the JDK has no RSA key factory", e);
            }
        }
    }

    // ---------------------------------------------------------------- validation

    /** Dates: not before the birth, the current card's issue, or the holder's last recorded event. */
    private void checkDate(Persona asIssued, LocalDate on, String command) {
        Persona now = current(asIssued);
        if (on.isBefore(now.birthDate())) {
            throw new IllegalArgumentException(command + " on " + on + ": before the holder's birth date " + now.birthDate());
        }
        if (on.isBefore(now.issueDate())) {
            throw new IllegalArgumentException(command + " on " + on + ": before the card in use was issued, on " + now.issueDate());
        }
        Optional<LocalDate> last = ledger.history(asIssued.id()).stream().map(OfficeLedger.Event::on).max(Comparator.naturalOrder());
        if (last.isPresent() && on.isBefore(last.get())) {
            throw new IllegalArgumentException(command + " on " + on + ": before the holder's last recorded operation, on " + last.get());
        }
        Optional<LocalDate> lastCa = ca.recordsOf(asIssued.id()).stream().map(CertificateRecord::stateSince)
                .filter(java.util.Objects::nonNull).max(Comparator.naturalOrder());
        if (lastCa.isPresent() && on.isBefore(lastCa.get())) {
            throw new IllegalArgumentException(command + " on " + on + ": before the last change at the CA, on " + lastCa.get());
        }
    }

    /** The card at the counter must be the holder's valid, unsuspended card. */
    private void checkCardUsable(Persona asIssued, LocalDate on) {
        checkNoLoss(asIssued);
        Persona now = current(asIssued);
        if (on.isAfter(now.cardExpiry())) {
            throw new IllegalStateException("the card expired on " + now.cardExpiry() + ": renew the card (office renew-card)");
        }
        if (!records(asIssued, CertificateState.ON_HOLD).isEmpty()) {
            throw new IllegalStateException("the certificates of " + asIssued.id()
                    + " are suspended (loss reported): office card-found first, or office reissue");
        }
    }

    private void checkNoLoss(Persona asIssued) {
        Optional<LocalDate> lost = ledger.lossConfirmed(asIssued.id());
        if (lost.isPresent()) {
            throw new IllegalStateException("the loss of " + asIssued.id() + "'s card was confirmed on " + lost.get()
                    + ": the card cannot be used; reissue it (office reissue)");
        }
    }

    // ---------------------------------------------------------------- certificate planning

    /** The user-proof and (15 or over) the signature certificate for a card as registered after the operation. */
    private List<CertificateSpec> allCertificates(Persona after, LocalDate on) {
        LocalDate auth = CardRules.certificateExpiry(after.birthDate(), on, after.cardExpiry());
        List<CertificateSpec> specs = new ArrayList<>(List.of(new CertificateSpec(CertificatePurpose.AUTH, auth)));
        if (CardRules.signCertificateAllowed(after.birthDate(), on) && holderHasSignature(after)) {
            specs.add(new CertificateSpec(CertificatePurpose.SIGN, signExpiry(after, on, auth)));
        }
        return specs;
    }

    /** card-spec §5.3: the signature certificate never outlives the user-proof certificate. */
    private static LocalDate signExpiry(Persona after, LocalDate on, LocalDate authExpiry) {
        LocalDate rules = CardRules.certificateExpiry(after.birthDate(), on, after.cardExpiry());
        return rules.isAfter(authExpiry) ? authExpiry : rules;
    }

    /**
     * A card issued to a holder under 15 has its signature key slot and certificate EF empty and no
     * signature password until the first signature certificate; from then on renewals, reissues and
     * moves issue a signature certificate too.
     */
    private boolean holderHasSignature(Persona holder) {
        return holder.pins().sign().isPresent() || ledger.history(holder.id()).stream()
                .anyMatch(e -> e.event() == CardEvent.FIRST_SIGNATURE_CERTIFICATE);
    }

    private List<StatusChange> revokeAll(Persona asIssued, RevocationReason reason) {
        return unrevoked(asIssued).stream()
                .map(r -> new StatusChange(r.purpose(), r.serialHex(), CertificateState.REVOKED, reason)).toList();
    }

    private List<CertificateRecord> unrevoked(Persona asIssued) {
        return ca.recordsOf(asIssued.id()).stream().filter(r -> r.state() != CertificateState.REVOKED).toList();
    }

    private List<CertificateRecord> records(Persona asIssued, CertificateState state) {
        return ca.recordsOf(asIssued.id()).stream().filter(r -> r.state() == state).toList();
    }

    private Optional<CertificateRecord> currentAuth(Persona asIssued, LocalDate on) {
        return ca.recordsOf(asIssued.id()).stream()
                .filter(r -> r.purpose() == CertificatePurpose.AUTH && r.state() == CertificateState.GOOD && !r.notAfter().isBefore(on))
                .reduce((a, b) -> b);
    }

    /** The latest user-proof certificate not revoked (the one on the card). */
    private Optional<CertificateRecord> latestAuth(Persona asIssued) {
        return ca.recordsOf(asIssued.id()).stream()
                .filter(r -> r.purpose() == CertificatePurpose.AUTH && r.state() != CertificateState.REVOKED)
                .reduce((a, b) -> b);
    }

    private IssuedCertificates certificatesAfter(List<X509Certificate> written) {
        X509Certificate auth = null;
        X509Certificate sign = null;
        for (X509Certificate c : written) {
            if (ca.purposeOf(c) == CertificatePurpose.SIGN) {
                sign = c;
            } else {
                auth = c;
            }
        }
        return new IssuedCertificates(auth, Optional.ofNullable(sign));
    }

    private static String encode(X509Certificate certificate) {
        try {
            return Base64.getEncoder().encodeToString(certificate.getEncoded());
        } catch (java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException("cannot encode a new certificate", e);
        }
    }

    private static X509Certificate decode(String base64) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509")
                    .generateCertificate(new ByteArrayInputStream(Base64.getDecoder().decode(base64)));
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new IllegalStateException("the office journal holds a certificate that does not parse: " + e.getMessage(), e);
        }
    }
}
