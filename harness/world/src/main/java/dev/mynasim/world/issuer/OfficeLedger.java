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

/**
 * The municipal office's own records, {@value #FILE_NAME} next to the CA state: the holder's name and
 * address as registered now (住民基本台帳: the persona file keeps the data at issue), and the fees
 * taken. Written like the CA state (temporary file, atomic move). Nothing secret: names, addresses,
 * dates and yen.
 */
public final class OfficeLedger {

    static final String FILE_NAME = "office.json";
    static final int VERSION = 1;

    /** A fee taken at the counter. */
    public record Fee(String personaId, LocalDate on, int yen, String what) {
    }

    /** What changed since issue; null fields are unchanged. */
    public record Registered(String name, String address) {
    }

    record Content(int version, Map<String, Registered> residents, List<Fee> fees) {
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
            return new Content(VERSION, new LinkedHashMap<>(), new ArrayList<>());
        }
        try {
            Content c = JSON.readValue(file.toFile(), Content.class);
            if (c.version() != VERSION) {
                throw new IllegalStateException(file + ": office ledger version " + c.version() + ", this MynaSim reads " + VERSION);
            }
            return new Content(c.version(), new LinkedHashMap<>(c.residents()), new ArrayList<>(c.fees()));
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not a readable office ledger: " + e.getMessage(), e);
        }
    }

    /** The holder as registered now: the persona with the name and address changes recorded here. */
    public synchronized Persona current(Persona asIssued) {
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
        content.residents().put(now.id(), new Registered(now.name(), now.address()));
        save();
    }

    synchronized void charge(Fee fee) {
        content.fees().add(fee);
        save();
    }

    public synchronized List<Fee> fees(String personaId) {
        return content.fees().stream().filter(f -> f.personaId().equals(personaId)).toList();
    }

    public Path path() {
        return file;
    }

    private void save() {
        try {
            AtomicFile.write(file, JSON.writeValueAsBytes(content), false, "the office ledger");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the office ledger: " + e.getOriginalMessage(), e);
        }
    }
}
