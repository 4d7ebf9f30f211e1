package dev.mynasim.world.issuer;

import dev.mynasim.fixtures.io.AtomicFile;
import dev.mynasim.fixtures.io.StateFileException;
import dev.mynasim.fixtures.io.StateLock;
import dev.mynasim.fixtures.io.StrictJson;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The CA's memory: {@value #FILE_NAME} in the state directory, JSON. Written to a temporary file in
 * the same directory and moved over the old one, so a crash or a reader never sees half a file.
 * Several processes share it: a change is made under {@link #lock()} on the freshly read content.
 * A file with an entry that does not parse is refused by field ({@link StateFileException}) and never
 * rewritten.
 */
final class CaStateFile {

    static final String FILE_NAME = "ca-state.json";
    static final int VERSION = 1;
    private static final String WHAT = "CA state";
    /** As {@link java.math.BigInteger#toString(int) toString(16)} writes a positive serial (X.509: at most 20 bytes). */
    private static final Pattern SERIAL = Pattern.compile("[1-9a-f][0-9a-f]{0,39}");

    /** The file's content: every certificate the CA issued or was told about, and the last CRL numbers. */
    record Content(int version, Map<CertificatePurpose, Long> lastCrlNumbers, List<CertificateRecord> certificates) {
    }

    private static final ObjectMapper JSON = StrictJson.mapper();

    private final Path file;
    /** The file as last read or written by this instance (its inode and time): a change by another process shows. */
    private Object seen;

    CaStateFile(Path directory) {
        this.file = directory.resolve(FILE_NAME);
    }

    Path path() {
        return file;
    }

    /** The exclusive lock around a read-modify-write, across processes. */
    StateLock lock() {
        return StateLock.exclusive(file, "the " + WHAT);
    }

    /** True when the file differs from what this instance last read or wrote. */
    boolean changedSinceSeen() {
        return !Objects.equals(seen, identity());
    }

    Content load() {
        Object identity = identity();
        if (!Files.exists(file)) {
            Map<CertificatePurpose, Long> numbers = new EnumMap<>(CertificatePurpose.class);
            for (CertificatePurpose p : CertificatePurpose.values()) {
                numbers.put(p, 0L);
            }
            seen = identity;
            return new Content(VERSION, numbers, new ArrayList<>());
        }
        Content c = StrictJson.read(JSON, file, Content.class, WHAT, VERSION);
        check(c);
        seen = identity;
        return new Content(c.version(), new EnumMap<>(c.lastCrlNumbers()), new ArrayList<>(c.certificates()));
    }

    void save(Content content) {
        try {
            AtomicFile.write(file, JSON.writeValueAsBytes(content), false, "the " + WHAT);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException("cannot encode the " + WHAT + ": " + e.getOriginalMessage(), e);
        }
        seen = identity();
    }

    /** Every entry as this build writes it; the first that is not is named. */
    private void check(Content c) {
        if (c.lastCrlNumbers() == null) {
            throw refused("lastCrlNumbers", "missing");
        }
        for (CertificatePurpose p : CertificatePurpose.values()) {
            Long n = c.lastCrlNumbers().get(p);
            if (n == null || n < 0) {
                throw refused("lastCrlNumbers." + p, (n == null ? "missing" : n + " is negative") + " (a CRL number, 0 or more)");
            }
        }
        if (c.certificates() == null) {
            throw refused("certificates", "missing");
        }
        Set<String> serials = new HashSet<>();
        for (int i = 0; i < c.certificates().size(); i++) {
            CertificateRecord r = c.certificates().get(i);
            String at = "certificates[" + i + "]";
            if (r == null) {
                throw refused(at, "empty entry");
            }
            if (!SERIAL.matcher(r.serialHex()).matches()) {
                throw refused(at + ".serialHex", "'" + r.serialHex() + "' is not a serial number (lower-case hex, 1 to 40 digits, no leading 0)");
            }
            if (r.personaId().isBlank()) {
                throw refused(at + ".personaId", "empty");
            }
            StrictJson.checkDate(file, WHAT, at + ".notBefore", r.notBefore(), true);
            StrictJson.checkDate(file, WHAT, at + ".notAfter", r.notAfter(), true);
            StrictJson.checkDate(file, WHAT, at + ".stateSince", r.stateSince(), r.state() != CertificateState.GOOD);
            if (r.notAfter().isBefore(r.notBefore())) {
                throw refused(at + ".notAfter", r.notAfter() + " is before notBefore " + r.notBefore());
            }
            if (!serials.add(r.purpose() + "/" + r.serialHex())) {
                throw refused(at + ".serialHex", r.serialHex() + " appears twice for the " + r.purpose() + " CA");
            }
        }
    }

    private StateFileException refused(String field, String problem) {
        return new StateFileException(file, WHAT, field, problem);
    }

    private Object identity() {
        return StrictJson.identity(file);
    }
}
