package dev.mynasim.world.kiosk;

import dev.mynasim.fixtures.CardRules;
import dev.mynasim.client.card.CardClient;
import dev.mynasim.client.card.StatusWordException;
import dev.mynasim.world.kiosk.Authentication.PinOutcome;
import dev.mynasim.world.relyingparty.PortalLoginVerifier;
import dev.mynasim.world.relyingparty.VerificationResult;
import dev.mynasim.client.transport.Transport;
import dev.mynasim.client.transport.TransportException;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A reference convenience-store kiosk (multi-copier) issuing certificates with a My Number Card: the
 * 14 steps of docs/card-reference.md §12.3 as explicit states ({@link KioskStep}), one method per action a screen
 * offers. An action the current screen does not offer is refused with
 * {@link IllegalKioskTransitionException}; what the holder must be told (wrong PIN, closed, ...) is
 * the {@link #notice()} on the screen, in Japanese and English.
 *
 * <p>The kiosk reaches the card only through the {@link Transport} it is given (its own {@link CardClient} on it) (so it runs on
 * the simulator, vpcd or a real reader) and sees the card come and go through {@link CardPresence}.
 * It reads the time from the {@link Clock} it is given: scenarios give a fixed one.
 */
public final class Kiosk {

    /** How long step 7 waits for the card to be taken out, unless configured otherwise. */
    public static final Duration DEFAULT_REMOVAL_TIMEOUT = Duration.ofSeconds(30);

    /** Steps the confirmation screen can go back to, to correct the request. */
    private static final Set<KioskStep> CORRECTABLE = EnumSet.of(KioskStep.CERTIFICATE_SELECTION, KioskStep.TYPE_SELECTION,
            KioskStep.INFORMATION_SELECTION, KioskStep.COPIES);

    private final KioskData data;
    private final Authentication authentication;
    private final CardPresence presence;
    private final HolderDataSource holderSource;
    private final Clock clock;
    private final Duration removalTimeout;

    private volatile KioskStep step = KioskStep.SERVICE_SELECTION;
    private volatile Optional<KioskNotice> notice = Optional.empty();

    private X509Certificate userProofCertificate;
    private Municipality municipality;
    private HolderData holder;
    private VerificationResult verification;
    private CertificateKind kind;
    private Choice type;
    private List<Choice> details = List.of();
    private int copies;
    private int paid;
    private PrintedCertificate printed;

    /**
     * @param transport      the reader's transport (sim, vpcd or any PC/SC reader); the kiosk's only way to the card
     * @param presence       whether a card lies on that reader
     * @param verifier       the relying-party check of the user-proof certificate (chain, validity, revocation)
     * @param holderSource   the holder's name and address once the PIN is verified
     * @param clock          the kiosk's time (service hours, the date printed); JST is applied
     * @param removalTimeout how long step 7 waits for the card to be taken out before it reminds the holder
     */
    public Kiosk(KioskData data, Transport transport, CardPresence presence, PortalLoginVerifier verifier,
            HolderDataSource holderSource, Clock clock, Duration removalTimeout) {
        this.data = Objects.requireNonNull(data, "data");
        this.authentication = new Authentication(new CardClient(Objects.requireNonNull(transport, "transport")),
                Objects.requireNonNull(verifier, "verifier"));
        this.presence = Objects.requireNonNull(presence, "presence");
        this.holderSource = Objects.requireNonNull(holderSource, "holderSource");
        this.clock = Objects.requireNonNull(clock, "clock");
        if (removalTimeout.isNegative() || removalTimeout.isZero()) {
            throw new IllegalArgumentException("the card-removal timeout must be positive, not " + removalTimeout);
        }
        this.removalTimeout = removalTimeout;
    }

    public KioskStep step() {
        return step;
    }

    public Optional<KioskNotice> notice() {
        return notice;
    }

    public KioskData data() {
        return data;
    }

    /** The relying-party decision on the holder's certificate, once the PIN was right. */
    public Optional<VerificationResult> verification() {
        return Optional.ofNullable(verification);
    }

    /** The request as it stands (steps 8 to 11 done), e.g. for the confirmation screen. */
    public CertificateRequest request() {
        if (kind == null || type == null || copies == 0) {
            throw new IllegalStateException("the request is not complete yet: the kiosk is at " + step);
        }
        return new CertificateRequest(kind, type, details, copies);
    }

    public Optional<CertificateKind> chosenCertificate() {
        return Optional.ofNullable(kind);
    }

    /** Yen still to pay at step 13. */
    public int amountDue() {
        return Math.max(0, request().fee() - paid);
    }

    public Optional<PrintedCertificate> printed() {
        return Optional.ofNullable(printed);
    }

    private LocalDateTime now() {
        return LocalDateTime.now(clock.withZone(CardRules.JST));
    }

    private LocalDate today() {
        return now().toLocalDate();
    }

    private void expect(KioskStep expected, String action) {
        if (step != expected) {
            throw new IllegalKioskTransitionException(step, action, expected);
        }
    }

    private void moveTo(KioskStep next, KioskNotice shown) {
        notice = Optional.ofNullable(shown);
        step = next;
    }

    private void stay(KioskNotice shown) {
        notice = Optional.of(shown);
    }

    private void end(KioskNotice why) {
        moveTo(KioskStep.ENDED, why);
    }

    /** Step 1: 行政サービス. Only in service hours, and not over the year-end closure. */
    public synchronized void chooseGovernmentService() {
        expect(KioskStep.SERVICE_SELECTION, "choose 行政サービス");
        LocalDateTime at = now();
        ServiceHours hours = data.hours();
        if (hours.inClosedPeriod(at)) {
            stay(KioskNotice.of(KioskMessage.YEAR_END_CLOSURE));
        } else if (!hours.inOpeningHours(at)) {
            stay(KioskNotice.of(KioskMessage.OUTSIDE_HOURS, hours.opens(), hours.closes()));
        } else {
            moveTo(KioskStep.GOVERNMENT_SERVICE_MENU, null);
        }
    }

    /** Step 2: 証明書交付サービス in the government service menu. */
    public synchronized void chooseCertificateIssuance() {
        expect(KioskStep.GOVERNMENT_SERVICE_MENU, "choose certificate issuance");
        moveTo(KioskStep.ADVANCED_MENU, null);
    }

    /** Step 3: certificates with a My Number Card. */
    public synchronized void chooseMyNumberCard() {
        expect(KioskStep.ADVANCED_MENU, "choose the My Number Card");
        moveTo(KioskStep.CARD_READING, KioskNotice.of(KioskMessage.PLACE_CARD));
    }

    /**
     * Step 4: reads the user-proof certificate. No card: asks for it. No certificate, or the PIN
     * already locked: the session ends with the reason.
     */
    public synchronized void readCard() {
        expect(KioskStep.CARD_READING, "read the card");
        if (!presence.isPresent()) {
            stay(KioskNotice.of(KioskMessage.PLACE_CARD));
            return;
        }
        try {
            Optional<X509Certificate> certificate = authentication.readUserProofCertificate();
            if (certificate.isEmpty()) {
                end(KioskNotice.of(KioskMessage.NO_USER_PROOF_CERTIFICATE));
                return;
            }
            if (authentication.triesLeft() == 0) {
                end(KioskNotice.of(KioskMessage.PIN_LOCKED));
                return;
            }
            userProofCertificate = certificate.get();
            moveTo(KioskStep.MUNICIPALITY_SELECTION, null);
        } catch (TransportException | StatusWordException e) {
            stay(KioskNotice.of(KioskMessage.CARD_NOT_READ));
        }
    }

    /** Step 5: the municipality whose certificate the holder wants (by its 5-digit code). */
    public synchronized void chooseMunicipality(String code) {
        expect(KioskStep.MUNICIPALITY_SELECTION, "choose the municipality");
        municipality = data.municipality(code);
        moveTo(KioskStep.PIN_ENTRY, KioskNotice.of(KioskMessage.ENTER_PIN));
    }

    /**
     * Step 6: the user-proof PIN, then the card signs a challenge and the relying-party code checks
     * the certificate. A wrong PIN stays here with the tries left; anything else that fails ends
     * the session with its reason. The PIN is wiped whatever happens.
     */
    public synchronized void enterPin(EnteredPin pin) {
        expect(KioskStep.PIN_ENTRY, "enter the PIN");
        try {
            if (!pin.isFourDigits()) {
                // Refused here, before the card: a malformed PIN must not cost a try.
                stay(KioskNotice.of(KioskMessage.PIN_FORMAT));
                return;
            }
            PinOutcome outcome = authentication.authenticate(pin, userProofCertificate, today());
            if (outcome instanceof PinOutcome.WrongPin wrong) {
                stay(KioskNotice.of(KioskMessage.WRONG_PIN, wrong.triesLeft()));
            } else if (outcome instanceof PinOutcome.Locked) {
                end(KioskNotice.of(KioskMessage.PIN_LOCKED));
            } else if (outcome instanceof PinOutcome.CardRefused) {
                end(KioskNotice.of(KioskMessage.CARD_ERROR));
            } else if (outcome instanceof PinOutcome.Verified verified) {
                verification = verified.result();
                if (!verification.accepted()) {
                    end(KioskNotice.of(messageFor(verification)));
                    return;
                }
                Optional<HolderData> resident = holderSource.read(userProofCertificate, authentication.card());
                if (resident.isEmpty()) {
                    end(KioskNotice.of(KioskMessage.NOT_REGISTERED_THERE, municipality.ja()));
                    return;
                }
                holder = resident.get();
                if (!holder.residenceMunicipality().equals(municipality.code())) {
                    end(KioskNotice.of(KioskMessage.NOT_REGISTERED_THERE, municipality.ja()));
                    return;
                }
                moveTo(KioskStep.CARD_REMOVAL, KioskNotice.of(KioskMessage.TAKE_CARD));
            }
        } catch (TransportException | StatusWordException e) {
            end(KioskNotice.of(KioskMessage.CARD_ERROR));
        } finally {
            pin.wipe();
        }
    }

    private static KioskMessage messageFor(VerificationResult result) {
        return switch (result.outcome()) {
            case EXPIRED -> KioskMessage.CERTIFICATE_EXPIRED;
            case SUSPENDED -> KioskMessage.CERTIFICATE_SUSPENDED;
            case REVOKED -> KioskMessage.CERTIFICATE_REVOKED;
            case REVOCATION_UNKNOWN -> KioskMessage.CENTRE_UNREACHABLE;
            case NOT_YET_VALID, WRONG_CHAIN, BAD_SIGNATURE -> KioskMessage.CERTIFICATE_NOT_TRUSTED;
            case ACCEPTED -> throw new IllegalArgumentException("an accepted certificate needs no refusal message");
        };
    }

    /**
     * Step 7: nothing goes on while the card lies on the reader (a card forgotten in a kiosk is the
     * classic loss). Returns once the card is gone, or after the removal timeout with the reminder
     * on the screen, still at step 7.
     */
    public void awaitCardRemoval() {
        synchronized (this) {
            expect(KioskStep.CARD_REMOVAL, "wait for the card to be taken out");
        }
        // Not holding the lock while waiting: the screen (step, notice) stays readable.
        boolean removed = presence.awaitAbsent(removalTimeout);
        synchronized (this) {
            if (removed) {
                moveTo(KioskStep.CERTIFICATE_SELECTION, null);
            } else {
                stay(KioskNotice.of(KioskMessage.CARD_LEFT_IN_READER));
            }
        }
    }

    /**
     * Step 8: the certificate, by id (fixtures/kiosk/certificates.yaml). A family-register
     * certificate for a holder whose 本籍 is not where they live ends with "contact the office".
     */
    public synchronized void chooseCertificate(String id) {
        expect(KioskStep.CERTIFICATE_SELECTION, "choose the certificate");
        CertificateKind chosen = data.certificate(id);
        if (chosen.familyRegister() && holder.domicileDiffersFromResidence()) {
            end(KioskNotice.of(KioskMessage.CONTACT_MUNICIPAL_OFFICE));
            return;
        }
        if (!chosen.equals(kind)) {
            type = null;
            details = List.of();
        }
        kind = chosen;
        moveTo(KioskStep.TYPE_SELECTION, null);
    }

    /** Step 9's choices for the chosen certificate. */
    public List<Choice> offeredTypes() {
        return requireKind().variants();
    }

    /** Step 10's choices for the chosen certificate. */
    public List<Choice> offeredDetails() {
        return requireKind().details();
    }

    private CertificateKind requireKind() {
        if (kind == null) {
            throw new IllegalStateException("no certificate chosen yet: the kiosk is at " + step);
        }
        return kind;
    }

    /** Step 9: the type, by its Japanese or English name. */
    public synchronized void chooseType(String name) {
        expect(KioskStep.TYPE_SELECTION, "choose the type");
        type = named(offeredTypes(), name, "type of " + kind.ja());
        moveTo(KioskStep.INFORMATION_SELECTION, null);
    }

    /** Step 10: the extra items, by name; none is a valid choice. */
    public synchronized void chooseDetails(List<String> names) {
        expect(KioskStep.INFORMATION_SELECTION, "choose the certificate information");
        List<Choice> chosen = new ArrayList<>();
        for (String name : names) {
            Choice choice = named(offeredDetails(), name, "item of " + kind.ja());
            if (!chosen.contains(choice)) {
                chosen.add(choice);
            }
        }
        details = List.copyOf(chosen);
        moveTo(KioskStep.COPIES, null);
    }

    private static Choice named(List<Choice> offered, String name, String what) {
        return offered.stream().filter(c -> c.ja().equals(name) || c.en().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no " + what + " named '" + name + "'; there are " + offered));
    }

    /** Step 11: 1 to maxCopies copies; another number stays here with the range on the screen. */
    public synchronized void chooseCopies(int count) {
        expect(KioskStep.COPIES, "choose the number of copies");
        if (count < 1 || count > data.maxCopies()) {
            stay(KioskNotice.of(KioskMessage.COPIES_OUT_OF_RANGE, data.maxCopies()));
            return;
        }
        copies = count;
        moveTo(KioskStep.CONFIRMATION, null);
    }

    /** Step 12: the holder accepts the request; payment is next. */
    public synchronized void confirm() {
        expect(KioskStep.CONFIRMATION, "confirm");
        paid = 0;
        moveTo(KioskStep.PAYMENT, null);
    }

    /** Step 12: back to step 8, 9, 10 or 11 to correct the request; the later choices are kept. */
    public synchronized void correct(KioskStep back) {
        expect(KioskStep.CONFIRMATION, "go back to correct " + back);
        if (!CORRECTABLE.contains(back)) {
            throw new IllegalKioskTransitionException(step, "go back to " + back, "the confirmation goes back to steps 8 to 11 only");
        }
        moveTo(back, null);
    }

    /** Step 13: coins and notes; once the fee is in, printing is next. */
    public synchronized void pay(int yen) {
        expect(KioskStep.PAYMENT, "pay");
        if (yen <= 0) {
            throw new IllegalArgumentException("a payment is a positive number of yen, not " + yen);
        }
        paid += yen;
        int due = request().fee() - paid;
        if (due > 0) {
            stay(KioskNotice.of(KioskMessage.INSERT_MORE, due));
        } else {
            moveTo(KioskStep.PRINTING, null);
        }
    }

    /** Step 14: prints the certificates (one PDF, one page per copy) and gives the change. */
    public synchronized PrintedCertificate print() {
        expect(KioskStep.PRINTING, "print");
        CertificateRequest request = request();
        PrintedCertificate certificate = new PrintedCertificate(request, holder, municipality, today());
        certificate.pdf();
        printed = certificate;
        moveTo(KioskStep.COMPLETED, KioskNotice.of(KioskMessage.TAKE_CERTIFICATES, paid - request.fee()));
        return certificate;
    }

    /** The cancel button, on every screen before printing. */
    public synchronized void cancel() {
        if (step.isFinal() || step == KioskStep.PRINTING) {
            throw new IllegalKioskTransitionException(step, "cancel", "there is nothing left to cancel");
        }
        end(KioskNotice.of(KioskMessage.CANCELLED));
    }
}
