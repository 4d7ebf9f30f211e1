package dev.mynasim.glue.steps;

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
 * The state of one scenario, shared by all step classes (Cucumber's picocontainer makes one per
 * scenario): the persona, the reader with its card, the client, the trace, the scenario's date and
 * what the last steps produced.
 */
public class CardWorld {

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

    /** Puts a fresh card for the persona into the configured reader. */
    public void insertCardFor(Persona persona) {
        closeBackend();
        this.persona = persona;
        this.backend = Backends.open(persona);
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
