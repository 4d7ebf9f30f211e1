package dev.mynasim.world.issuer;

import dev.mynasim.fixtures.io.AtomicFile;
import dev.mynasim.fixtures.io.StateFileException;
import dev.mynasim.fixtures.io.StateLock;
import dev.mynasim.fixtures.io.StrictJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.mynasim.fixtures.Persona;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The municipal office's own records, {@value #FILE_NAME} next to the CA state: the holder's name and
 * address as registered now (住民基本台帳: the persona file keeps the data at issue), and the fees
 * taken. Written like the CA state (temporary file, atomic move). Nothing secret: names, addresses,
 * dates and yen.
 */
public final class OfficeLedger {

    static final String FILE_NAME = "office.json";
    static final int VERSION = 1;
    private static final String WHAT = "office ledger";

    /** A fee taken at the counter. */
    public record Fee(String personaId, LocalDate on, int yen, String what) {
    }

    /** What changed since issue; null fields are unchanged. */
    public record Registered(String name, String address) {
    }

    record Content(int version, Map<String, Registered> residents, List<Fee> fees) {
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
            return new Content(VERSION, new LinkedHashMap<>(), new ArrayList<>());
        }
        Content c = StrictJson.read(JSON, file, Content.class, WHAT, VERSION);
        check(c);
        seen = identity;
        return new Content(c.version(), new LinkedHashMap<>(c.residents()), new ArrayList<>(c.fees()));
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
    private void update(java.util.function.Consumer<Content> change) {
        StateLock.holding(file, "the " + WHAT, () -> {
            if (!Objects.equals(seen, identity())) {
                content = load();
            }
            change.accept(content);
            save();
        });
    }

    private Object identity() {
        return StrictJson.identity(file);
    }

    /** The holder as registered now: the persona with the name and address changes recorded here. */
    public synchronized Persona current(Persona asIssued) {
        refresh();
        Registered registered = content.residents().get(asIssued.id());
        Persona now = asIssued;
        if (registered != null && registered.name() != null) {
            now = now.withName(registered.name());
        }
        if (registered != null && registered.address() != null) {
            now = now.withAddress(registered.address());
        }
        return now;
    }

    synchronized void register(Persona now) {
        update(c -> c.residents().put(now.id(), new Registered(now.name(), now.address())));
    }

    synchronized void charge(Fee fee) {
        update(c -> c.fees().add(fee));
    }

    public synchronized List<Fee> fees(String personaId) {
        refresh();
        return content.fees().stream().filter(f -> f.personaId().equals(personaId)).toList();
    }

    public Path path() {
        return file;
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
