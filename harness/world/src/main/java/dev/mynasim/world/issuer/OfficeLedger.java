package dev.mynasim.world.issuer;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynasim.fixtures.Persona;
import dev.mynasim.fixtures.io.AtomicFile;
import dev.mynasim.fixtures.io.StateFileException;
import dev.mynasim.fixtures.io.StateLock;
import dev.mynasim.fixtures.io.StrictJson;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
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
    private static final String WHAT = "office ledger";

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

    private static final ObjectMapper JSON = StrictJson.mapper();

    private final Path file;
    private Content content;
    /** The file as last read or written here (inode, time, size): a change by another process shows. */
    private Object seen;

    public OfficeLedger(Path stateDirectory) {
        this.file = stateDirectory.resolve(FILE_NAME);
        this.content = load();
    }

    private Content load() {
        Object identity = identity();
        if (!Files.exists(file)) {
            seen = identity;
            return new Content(VERSION, new LinkedHashMap<>(), new ArrayList<>(), new ArrayList<>(), null);
        }
        Content c = StrictJson.read(JSON, file, Content.class, WHAT, VERSION);
        check(c);
        seen = identity;
        // A ledger written before the card's history was kept has no events: an empty history.
        return new Content(c.version(), new LinkedHashMap<>(c.residents()), new ArrayList<>(c.fees()),
                new ArrayList<>(c.events() == null ? List.of() : c.events()), c.pending());
    }

    private void check(Content c) {
        if (c.residents() == null) {
            throw new StateFileException(file, WHAT, "residents", "missing");
        }
        if (c.fees() == null) {
            throw new StateFileException(file, WHAT, "fees", "missing");
        }
        for (Map.Entry<String, Registered> e : c.residents().entrySet()) {
            if (e.getValue() == null) {
                throw new StateFileException(file, WHAT, "residents." + e.getKey(), "empty entry");
            }
        }
        for (int i = 0; i < c.fees().size(); i++) {
            Fee f = c.fees().get(i);
            String at = "fees[" + i + "]";
            if (f == null) {
                throw new StateFileException(file, WHAT, at, "empty entry");
            }
            if (f.personaId() == null || f.personaId().isBlank()) {
                throw new StateFileException(file, WHAT, at + ".personaId", "missing");
            }
            StrictJson.checkDate(file, WHAT, at + ".on", f.on(), true);
            if (f.yen() < 0) {
                throw new StateFileException(file, WHAT, at + ".yen", f.yen() + " is negative (yen, 0 or more)");
            }
        }
        List<Event> events = c.events() == null ? List.of() : c.events();
        for (int i = 0; i < events.size(); i++) {
            Event e = events.get(i);
            String at = "events[" + i + "]";
            if (e == null) {
                throw new StateFileException(file, WHAT, at, "empty entry");
            }
            if (e.personaId() == null || e.personaId().isBlank()) {
                throw new StateFileException(file, WHAT, at + ".personaId", "missing");
            }
            if (e.operation() == null || e.operation().isBlank()) {
                throw new StateFileException(file, WHAT, at + ".operation", "missing");
            }
            if (e.event() == null) {
                throw new StateFileException(file, WHAT, at + ".event", "missing or unknown");
            }
            StrictJson.checkDate(file, WHAT, at + ".on", e.on(), true);
        }
        if (c.pending() != null) {
            Pending p = c.pending();
            if (p.personaId() == null || p.command() == null || p.operation() == null || p.phase() == null || p.event() == null) {
                throw new StateFileException(file, WHAT, "pending", "incomplete journal entry");
            }
            StrictJson.checkDate(file, WHAT, "pending.on", p.on(), true);
        }
    }

    /** Reads the file again (under its lock) if another process changed it since. */
    private void refresh() {
        if (!Objects.equals(seen, identity())) {
            StateLock.holding(file, "the " + WHAT, () -> {
                content = load();
            });
        }
    }

    /** A read-modify-write of the file as it is now, under its lock across processes. */
    private void update(java.util.function.UnaryOperator<Content> change) {
        StateLock.holding(file, "the " + WHAT, () -> {
            if (!Objects.equals(seen, identity())) {
                content = load();
            }
            content = change.apply(content);
            save();
        });
    }

    private Object identity() {
        return StrictJson.identity(file);
    }

    /** The holder as registered now: the persona with the changes recorded here (name, address, current card, stay). */
    public synchronized Persona current(Persona asIssued) {
        refresh();
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
        refresh();
        return content.residents().getOrDefault(personaId, new Registered(null, null, null, null, null));
    }

    /** The day the office confirmed the card's loss, until a reissue. */
    public synchronized Optional<LocalDate> lossConfirmed(String personaId) {
        return Optional.ofNullable(registered(personaId).lossConfirmed());
    }

    public synchronized List<Fee> fees(String personaId) {
        refresh();
        return content.fees().stream().filter(f -> f.personaId().equals(personaId)).toList();
    }

    /** The card's history after issue, oldest first. */
    public synchronized List<Event> history(String personaId) {
        refresh();
        return content.events().stream().filter(e -> e.personaId().equals(personaId)).toList();
    }

    /** Every fee ever taken, every event, for checks across personas. */
    public synchronized List<Fee> allFees() {
        refresh();
        return List.copyOf(content.fees());
    }

    public synchronized List<Event> allEvents() {
        refresh();
        return List.copyOf(content.events());
    }

    /** The operation in progress, if one was interrupted. */
    public synchronized Optional<Pending> pending() {
        refresh();
        return Optional.ofNullable(content.pending());
    }

    public Path path() {
        return file;
    }

    /** A fee recorded on its own, under the file's lock (the locking and strict-loading tests use it). */
    synchronized void charge(Fee fee) {
        update(c -> {
            c.fees().add(fee);
            return c;
        });
    }

    // ---------------------------------------------------------------- the journal (MunicipalOffice only)

    synchronized void begin(Pending pending) {
        update(c -> {
            if (c.pending() != null) {
                throw new IllegalStateException("an office operation is already in progress: " + c.pending().command());
            }
            return new Content(VERSION, c.residents(), c.fees(), c.events(), pending);
        });
    }

    synchronized Pending committing(Pending pending, List<String> issuedCertificates) {
        Pending next = pending.committing(issuedCertificates);
        update(c -> new Content(VERSION, c.residents(), c.fees(), c.events(), next));
        return next;
    }

    /**
     * The last write of an operation: the holder's registration, the history entry and the fee
     * together, and the journal cleared. A fee already recorded for the operation is not taken again.
     */
    synchronized void complete(Pending pending) {
        update(c -> {
            if (pending.after() != null) {
                c.residents().put(pending.personaId(), pending.after());
            }
            boolean recorded = c.events().stream().anyMatch(e -> e.operation().equals(pending.operation()));
            if (!recorded) {
                c.events().add(new Event(pending.operation(), pending.personaId(), pending.on(), pending.event(), pending.detail()));
            }
            boolean paid = c.fees().stream().anyMatch(f -> pending.operation().equals(f.operation()));
            if (pending.feeYen() > 0 && !paid) {
                c.fees().add(new Fee(pending.personaId(), pending.on(), pending.feeYen(), pending.event().words(), pending.operation()));
            }
            return new Content(VERSION, c.residents(), c.fees(), c.events(), null);
        });
    }

    private void save() {
        try {
            AtomicFile.write(file, JSON.writeValueAsBytes(content), false, "the " + WHAT);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the office ledger: " + e.getOriginalMessage(), e);
        }
        seen = identity();
    }
}
