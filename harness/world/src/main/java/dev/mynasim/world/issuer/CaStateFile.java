package dev.mynasim.world.issuer;

import dev.mynasim.fixtures.io.AtomicFile;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The CA's memory: {@value #FILE_NAME} in the state directory, JSON. Written to a temporary file in
 * the same directory and moved over the old one, so a crash or a reader never sees half a file.
 */
final class CaStateFile {

    static final String FILE_NAME = "ca-state.json";
    static final int VERSION = 1;

    /** The file's content: every certificate the CA issued or was told about, and the last CRL numbers. */
    record Content(int version, Map<CertificatePurpose, Long> lastCrlNumbers, List<CertificateRecord> certificates) {
    }

    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final Path directory;
    private final Path file;

    CaStateFile(Path directory) {
        this.directory = directory;
        this.file = directory.resolve(FILE_NAME);
    }

    Path path() {
        return file;
    }

    Content load() {
        if (!Files.exists(file)) {
            Map<CertificatePurpose, Long> numbers = new EnumMap<>(CertificatePurpose.class);
            for (CertificatePurpose p : CertificatePurpose.values()) {
                numbers.put(p, 0L);
            }
            return new Content(VERSION, numbers, new ArrayList<>());
        }
        try {
            Content c = JSON.readValue(file.toFile(), Content.class);
            if (c.version() != VERSION) {
                throw new IllegalStateException(file + ": state version " + c.version() + ", this MynaSim reads " + VERSION);
            }
            return new Content(c.version(), new EnumMap<>(c.lastCrlNumbers()), new ArrayList<>(c.certificates()));
        } catch (IOException e) {
            throw new IllegalStateException(file + " is not a readable CA state file: " + e.getMessage(), e);
        }
    }

    void save(Content content) {
        try {
            AtomicFile.write(file, JSON.writeValueAsBytes(content), false, "the CA state");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the CA state: " + e.getOriginalMessage(), e);
        }
    }
}
