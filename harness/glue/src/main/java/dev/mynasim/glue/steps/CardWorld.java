package dev.mynasim.glue.steps;

import dev.mynasim.model.Pin;
import java.util.EnumMap;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.backend.Backends;
import dev.mynasim.client.card.CardClient;
import dev.mynasim.client.card.CardResponse;
import dev.mynasim.client.guard.GuardedBackend;
import dev.mynasim.client.transport.ApduTrace;
import dev.mynasim.client.transport.Apdus;
import dev.mynasim.client.transport.GetResponseTransport;
import dev.mynasim.client.transport.TracingTransport;
import dev.mynasim.client.transport.Transport;
import java.security.cert.X509Certificate;
import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The state of one scenario, shared by all step classes (the glue's object factory makes one per
 * scenario): the persona, the reader with its card, the client, the trace, the scenario's date and
 * what the last steps produced.
 */
public class CardWorld {

    private final ScenarioSettings settings;
    private Persona persona;
    private GuardedBackend backend;
    private Set<String> tags = Set.of();
    private CardClient client;
    private final ApduTrace trace = new ApduTrace();
    private CardResponse last;
    private LocalDate today;
    private final Map<String, X509Certificate> certificates = new HashMap<>();
    private X509Certificate lastCertificate;
    private byte[] lastSignedMessage;
    private byte[] lastSignature;
    private byte[] previousSignature;
    /** The holder as the office registered them now (name, address, current card); the persona until an office step. */
    private Persona holderNow;
    /** The values the card's PINs hold now: the persona's, until a holder change or an office reset. */
    private final Map<Pin, String> pins = new EnumMap<>(Pin.class);
    /** The values a change or reset replaced. */
    private final Map<Pin, String> previousPins = new EnumMap<>(Pin.class);

    public CardWorld(ScenarioSettings settings) {
        this.settings = settings;
    }

    /** What the run was asked for: the reader, the card layout, the guard's leave, the trace folder. */
    public ScenarioSettings settings() {
        return settings;
    }

    /** Puts a fresh card for the persona into the run's reader. */
    public void insertCardFor(Persona persona) {
        closeBackend();
        this.persona = persona;
        this.backend = Backends.open(settings.reader(), persona, settings.allowDestructive());
        trace.note("reader: " + backend.name());
        trace.note("ATR: " + Apdus.toHex(backend.atr()));
        trace.note("protocol: " + backend.protocol());
        trace.note("card: " + backend.kind().description());
        trace.note("persona: " + persona.id());
        if (tags.contains("@destructive")) {
            backend.refuseDestructiveRun("this @destructive scenario");
        }
        Transport transport = new GetResponseTransport(new TracingTransport(backend.transport(), trace));
        this.client = new CardClient(transport);
        this.last = null;
        certificates.clear();
        this.holderNow = persona;
        pins.clear();
        previousPins.clear();
    }

    /** The holder as registered now: after a move, a reissue or a stay extension, the office's record. */
    public Persona holder() {
        persona();
        return holderNow;
    }

    public void setHolder(Persona registeredNow) {
        this.holderNow = registeredNow;
    }

    /** The value the card holds now for this PIN or code (the persona's as issued, then each change and reset). */
    public String pin(Pin pin) {
        return pins.computeIfAbsent(pin, p -> switch (p) {
            case AUTH -> persona().pins().auth();
            case SIGN -> persona().pins().sign().orElseThrow(() -> new IllegalStateException(
                    "persona " + persona().id() + " has no signature password (no signature certificate)"));
            case TEXT -> persona().pins().text();
            case JUKI, COMMON -> persona().pins().juki();
            case TEXT_CODE_A, SURFACE_CODE_A -> holder().verificationCodeA();
            case TEXT_CODE_B, SURFACE_CODE_B -> holder().verificationCodeB();
            case BIRTH_DATE -> persona().birthDateEra6();
            // Blocked from issuance: no value opens it; any well-formed one shows the refusal.
            case TEXT_BLOCKED -> "0000";
        });
    }

    /** The card now holds {@code value} for this PIN (a holder change or an office reset). */
    public void setPin(Pin pin, String value) {
        boolean neverSet = pin == Pin.SIGN && !pins.containsKey(pin) && persona().pins().sign().isEmpty();
        if (!neverSet) { // a first signature password replaces nothing
            previousPins.put(pin, pin(pin));
        }
        pins.put(pin, value);
    }

    /** The value the last change or reset replaced. */
    public Optional<String> previousPin(Pin pin) {
        return Optional.ofNullable(previousPins.get(pin));
    }

    /** The office rewrote 照合番号B (a new card expiry): forget the old values. */
    public void forgetVerificationCodes() {
        pins.remove(Pin.TEXT_CODE_B);
        pins.remove(Pin.SURFACE_CODE_B);
    }

    public Persona persona() {
        if (persona == null) {
            throw new IllegalStateException("no card yet: start the scenario with  Given a card for persona \"...\"");
        }
        return persona;
    }

    /** The scenario's tags, which decide what the guard lets it do to a card that is not virtual. */
    public void setScenarioTags(Collection<String> scenarioTags) {
        this.tags = Set.copyOf(scenarioTags);
    }

    public GuardedBackend backend() {
        persona();
        return backend;
    }

    public CardClient client() {
        persona();
        return client;
    }

    public ApduTrace trace() {
        return trace;
    }

    public CardResponse last() {
        if (last == null) {
            throw new IllegalStateException("no command has been answered yet in this scenario");
        }
        return last;
    }

    public void setLast(CardResponse response) {
        this.last = response;
    }

    public LocalDate today() {
        if (today == null) {
            throw new IllegalStateException("this step needs the scenario's date: add  Given today is YYYY-MM-DD");
        }
        return today;
    }

    public void setToday(LocalDate today) {
        this.today = today;
    }

    public void remember(String name, X509Certificate certificate) {
        certificates.put(name, certificate);
        lastCertificate = certificate;
    }

    public Optional<X509Certificate> certificate(String name) {
        return Optional.ofNullable(certificates.get(name));
    }

    /** After the office wrote new certificates onto the card: the next step reads them again. */
    public void forgetCertificates() {
        certificates.clear();
        lastCertificate = null;
    }

    public X509Certificate lastCertificate() {
        if (lastCertificate == null) {
            throw new IllegalStateException("no certificate has been read yet in this scenario");
        }
        return lastCertificate;
    }

    public void rememberSignature(byte[] message, byte[] signature) {
        previousSignature = lastSignature;
        lastSignedMessage = message;
        lastSignature = signature;
    }

    public byte[] lastSignature() {
        if (lastSignature == null) {
            throw new IllegalStateException("nothing has been signed yet in this scenario");
        }
        return lastSignature;
    }

    public byte[] previousSignature() {
        if (previousSignature == null) {
            throw new IllegalStateException("this step needs two signatures in the scenario");
        }
        return previousSignature;
    }

    public byte[] lastSignedMessage() {
        return lastSignedMessage;
    }

    public void closeBackend() {
        if (backend != null) {
            backend.close();
            backend = null;
        }
    }
}
