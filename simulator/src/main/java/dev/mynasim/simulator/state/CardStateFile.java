package dev.mynasim.simulator.state;

import dev.mynasim.fixtures.io.AtomicFile;
import dev.mynasim.fixtures.io.StateHome;
import dev.mynasim.fixtures.io.StateLock;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * The file that keeps a served card's state (PIN counters, locks, changed PINs, and what the office
 * rewrote: files, keys generated on the card) across restarts.
 *
 * <p>Writes are atomic and durable: a temporary file in the same folder is written, forced to disk,
 * and renamed over the old one, then the folder is forced, so a {@code kill -9} at any moment
 * leaves either the old or the new state, never a torn one. The file is readable by its owner only
 * (it holds PIN values and the card's private keys). A file that does not parse, fails its checksum or belongs to another
 * persona is refused with a message naming it, and is never overwritten.
 */
public final class CardStateFile {

    /** 2: the state carries files and keys (CardState format 2); files of format 1 (PINs only) are still read. */
    private static final int FORMAT = 2;
    private static final int OLDEST_READABLE_FORMAT = 1;
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path path;
    private final String personaId;

    public CardStateFile(Path path, String personaId) {
        this.path = path.toAbsolutePath();
        this.personaId = personaId;
    }

    /** The default file for a persona in a slot: {@code <persona>-slot<N>.json} in {@link StateHome#mynasim()}. */
    public static Path defaultPath(String personaId, int slot) {
        return StateHome.mynasim().resolve(personaId + "-slot" + slot + ".json");
    }

    public Path path() {
        return path;
    }

    /** The saved state, or empty when there is no file yet (a fresh card). */
    public Optional<byte[]> load() {
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        JsonNode root;
        try {
            root = JSON.readTree(Files.readString(path, StandardCharsets.UTF_8));
        } catch (JsonProcessingException e) {
            throw corrupt("it is not valid JSON (" + e.getOriginalMessage() + ")");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the card state file " + path + ": " + e.getMessage(), e);
        }
        if (root == null || !root.isObject()) {
            throw corrupt("it is not a JSON object");
        }
        int format = root.path("format").asInt(-1);
        if (format > FORMAT) {
            throw corrupt("field 'format' is " + format + ": it was written by a newer MynaSim; this build reads "
                    + OLDEST_READABLE_FORMAT + " to " + FORMAT + ". Use the newer MynaSim, or another --state file");
        }
        if (format < OLDEST_READABLE_FORMAT || format > FORMAT) {
            throw corrupt("field 'format' is " + format + ", this MynaSim reads " + OLDEST_READABLE_FORMAT + " to " + FORMAT);
        }
        String persona = root.path("persona").asText("");
        if (!persona.equals(personaId)) {
            throw corrupt("it holds the card of persona '" + persona + "', not '" + personaId
                    + "' (use another --state file, or --persona " + persona + ")");
        }
        byte[] state;
        try {
            state = HexFormat.of().parseHex(root.path("state").asText(""));
        } catch (IllegalArgumentException e) {
            throw corrupt("field 'state' is not hex");
        }
        if (!sha256Hex(state).equals(root.path("sha256").asText(""))) {
            throw corrupt("field 'sha256' does not match field 'state' (the file was edited or damaged)");
        }
        try {
            if (CardState.decode(state).format() != format) {
                throw corrupt("field 'format' says " + format + " but field 'state' is of another format");
            }
        } catch (IllegalArgumentException e) {
            throw corrupt(e.getMessage());
        }
        return Optional.of(state);
    }

    /**
     * Claims the file for a served card for as long as the returned handle is open: a second claim, by
     * this process or another (a second {@code serve} on the same file), is refused with a message.
     */
    public StateLock.Claim claim() {
        return StateLock.claim(path, "the card state file");
    }

    /** Replaces the saved state atomically and durably, under the file's lock. */
    public void save(byte[] state) {
        ObjectNode root = JSON.createObjectNode();
        // The file's format is the state's: 2 for what VirtualCard exports now, 1 for an old PINs-only state.
        boolean format2 = CardState.isFormat2(state);
        root.put("format", format2 ? FORMAT : OLDEST_READABLE_FORMAT);
        root.put("persona", personaId);
        root.put("state", HexFormat.of().withUpperCase().formatHex(state));
        root.put("sha256", sha256Hex(state));
        StateLock.holding(path, "the card state file",
                () -> AtomicFile.write(path, (root.toPrettyString() + "\n").getBytes(StandardCharsets.UTF_8), true, "the card state file"));
    }

    private IllegalStateException corrupt(String why) {
        return new IllegalStateException("the card state file " + path + " cannot be used: " + why
                + ". It was left untouched; move it away to start with a fresh card.");
    }

    static String sha256Hex(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-256", e);
        }
    }
}
