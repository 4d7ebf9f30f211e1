package dev.mynasim.world.issuer;

import dev.mynasim.fixtures.io.AtomicFile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.mynasim.fixtures.Persona;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The municipal office's own records, {@value #FILE_NAME} next to the CA state: the holder's card as
 * registered now (name, address, the current card's issue date, the period of stay, a confirmed
 * loss; the persona file keeps the data at issue), the card's history (one {@link Event} per office
 * or call-centre operation), the fees taken, and the one operation in progress ({@link Pending}, the
 * journal that lets an interrupted operation be run again to completion, see {@link MunicipalOffice}).
 * Written like the CA state (temporary file, atomic move). Nothing secret: names, addresses, dates,
 * serials and yen; never a PIN value.
 */
public final class OfficeLedger {

    static final String FILE_NAME = "office.json";
    static final int VERSION = 1;

    /** A fee taken at the counter, by the operation it paid for. */
    public record Fee(String personaId, LocalDate on, int yen, String what, String operation) {
    }

    /** What changed since issue; null fields are unchanged. */
    public record Registered(String name, String address, LocalDate cardIssueDate, LocalDate periodOfStayEnd,
            LocalDate lossConfirmed) {
    }

    /** One completed operation in the card's history. */
    public record Event(String operation, String personaId, LocalDate on, CardEvent event, String detail) {
    }

    /** The journal of the operation in progress: written before anything changes, removed by the last write. */
    public record Pending(String operation, String command, String personaId, LocalDate on, String argument,
            Phase phase, Registered after, List<TestCertificateAuthority.StatusChange> statusChanges,
            List<String> issuedCertificates, int feeYen, CardEvent event, String detail) {

        /** True when {@code command} for that persona, date and argument is a rerun of this operation. */
        public boolean sameAs(String otherCommand, String otherPersonaId, LocalDate otherOn, String otherArgument) {
            return command.equals(otherCommand) && personaId.equals(otherPersonaId) && on.equals(otherOn)
                    && java.util.Objects.equals(argument, otherArgument);
        }

        Pending committing(List<String> issued) {
            return new Pending(operation, command, personaId, on, argument, Phase.COMMIT, after, statusChanges,
                    List.copyOf(issued), feeYen, event, detail);
        }
    }

    /** CARD: the card may be half-changed, the CA and the ledger are not; COMMIT: the card is done, the certificates are here. */
    public enum Phase { CARD, COMMIT }

    record Content(int version, Map<String, Registered> residents, List<Fee> fees, List<Event> events, Pending pending) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path file;
    private Content content;

    public OfficeLedger(Path stateDirectory) {
        this.file = stateDirectory.resolve(FILE_NAME);
        this.content = load();
    }

    private Content load() {
        if (!Files.exists(file)) {
            return new Content(VERSION, new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(), null);
        }
        try {
            Content c = JSON.readValue(file.toFile(), Content.class);
            if (c.version() != VERSION) {
                throw new IllegalStateException(file + ": office ledger version " + c.version() + ", this MynaSim reads " + VERSION);
            }
            return new Content(c.version(), new LinkedHashMap<>(orEmpty(c.residents())), new ArrayList<>(orEmpty(c.fees())),
                    new ArrayList<>(orEmpty(c.events())), c.pending());
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not a readable office ledger: " + e.getMessage(), e);
        }
    }

    private static <T> List<T> orEmpty(List<T> list) {
        return list == null ? List.of() : list;
    }

    private static <K, V> Map<K, V> orEmpty(Map<K, V> map) {
        return map == null ? Map.of() : map;
    }

    /** The holder as registered now: the persona with the changes recorded here (name, address, current card, stay). */
    public synchronized Persona current(Persona asIssued) {
        return apply(asIssued, content.residents().get(asIssued.id()));
    }

    static Persona apply(Persona asIssued, Registered registered) {
        Persona now = asIssued;
        if (registered == null) {
            return now;
        }
        if (registered.name() != null) {
            now = now.withName(registered.name());
        }
        if (registered.address() != null) {
            now = now.withAddress(registered.address());
        }
        if (registered.cardIssueDate() != null) {
            now = now.withIssueDate(registered.cardIssueDate());
        }
        if (registered.periodOfStayEnd() != null) {
            now = now.withPeriodOfStayEnd(registered.periodOfStayEnd());
        }
        return now;
    }

    /** What the ledger records for the holder (null fields: as issued). */
    public synchronized Registered registered(String personaId) {
        return content.residents().getOrDefault(personaId, new Registered(null, null, null, null, null));
    }

    /** The day the office confirmed the card's loss, until a reissue. */
    public synchronized Optional<LocalDate> lossConfirmed(String personaId) {
        return Optional.ofNullable(registered(personaId).lossConfirmed());
    }

    public synchronized List<Fee> fees(String personaId) {
        return content.fees().stream().filter(f -> f.personaId().equals(personaId)).toList();
    }

    /** The card's history after issue, oldest first. */
    public synchronized List<Event> history(String personaId) {
        return content.events().stream().filter(e -> e.personaId().equals(personaId)).toList();
    }

    /** Every fee ever taken, every event, for checks across personas. */
    public synchronized List<Fee> allFees() {
        return List.copyOf(content.fees());
    }

    public synchronized List<Event> allEvents() {
        return List.copyOf(content.events());
    }

    /** The operation in progress, if one was interrupted. */
    public synchronized Optional<Pending> pending() {
        return Optional.ofNullable(content.pending());
    }

    public Path path() {
        return file;
    }

    // ---------------------------------------------------------------- the journal (MunicipalOffice only)

    synchronized void begin(Pending pending) {
        if (content.pending() != null) {
            throw new IllegalStateException("an office operation is already in progress: " + content.pending().command());
        }
        content = new Content(VERSION, content.residents(), content.fees(), content.events(), pending);
        save();
    }

    synchronized Pending committing(Pending pending, List<String> issuedCertificates) {
        Pending next = pending.committing(issuedCertificates);
        content = new Content(VERSION, content.residents(), content.fees(), content.events(), next);
        save();
        return next;
    }

    /**
     * The last write of an operation: the holder's registration, the history entry and the fee
     * together, and the journal cleared. A fee already recorded for the operation is not taken again.
     */
    synchronized void complete(Pending pending) {
        if (pending.after() != null) {
            content.residents().put(pending.personaId(), pending.after());
        }
        boolean recorded = content.events().stream().anyMatch(e -> e.operation().equals(pending.operation()));
        if (!recorded) {
            content.events().add(new Event(pending.operation(), pending.personaId(), pending.on(), pending.event(), pending.detail()));
        }
        boolean paid = content.fees().stream().anyMatch(f -> pending.operation().equals(f.operation()));
        if (pending.feeYen() > 0 && !paid) {
            content.fees().add(new Fee(pending.personaId(), pending.on(), pending.feeYen(), pending.event().words(), pending.operation()));
        }
        content = new Content(VERSION, content.residents(), content.fees(), content.events(), null);
        save();
    }

    private void save() {
        try {
            AtomicFile.write(file, JSON.writeValueAsBytes(content), false, "the office ledger");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the office ledger: " + e.getOriginalMessage(), e);
        }
    }
}
