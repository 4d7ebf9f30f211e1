package dev.mynasim.simulator.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CardStateFileTest {

    /** One application (JPKI AID) with PIN 0018 (limit 3, 2 left, "1234"). */
    private static final byte[] STATE = HexFormat.of().parseHex("0AD392F000260100000001" + "0009" + "0018030204" + "31323334");

    @TempDir
    Path dir;

    @Test
    void savesAndLoadsTheSameBytesReadableByTheOwnerOnly() throws Exception {
        CardStateFile file = new CardStateFile(dir.resolve("sub/hanako-slot0.json"), "hanako");
        assertTrue(file.load().isEmpty(), "no file yet: a fresh card");
        file.save(STATE);
        assertArrayEquals(STATE, file.load().orElseThrow());
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.path())));
        assertFalse(Files.exists(dir.resolve("sub/.hanako-slot0.json.tmp")), "no temporary file left behind");
    }

    @Test
    void aCorruptFileIsRefusedByNameAndLeftUntouched() throws Exception {
        Path path = dir.resolve("state.json");
        CardStateFile file = new CardStateFile(path, "hanako");
        for (String content : new String[] {"not json", "[1,2]", "{\"format\":1,\"persona\":\"hanako\",\"state\":\"00\",\"sha256\":\"x\"}",
                "{\"format\":1,\"persona\":\"hanako\",\"state\":\"zz\",\"sha256\":\"x\"}"}) {
            Files.writeString(path, content);
            IllegalStateException refused = assertThrows(IllegalStateException.class, file::load);
            assertTrue(refused.getMessage().contains(path.toString()), refused.getMessage());
            assertEquals(content, Files.readString(path), "a refused file is never rewritten");
        }
    }

    @Test
    void anotherPersonasFileIsRefused() {
        Path path = dir.resolve("state.json");
        new CardStateFile(path, "ren").save(STATE);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new CardStateFile(path, "hanako").load());
        assertTrue(refused.getMessage().contains("'ren'"), refused.getMessage());
    }

    @Test
    void theStateNeverShowsPinValuesInText() {
        CardState state = CardState.decode(STATE);
        assertFalse(state.toString().contains("1234"));
        assertEquals(2, state.triesLeft(HexFormat.of().parseHex("D392F000260100000001")).get(0x0018));
    }

    @Test
    void aTruncatedStateIsRefused() {
        byte[] truncated = java.util.Arrays.copyOf(STATE, STATE.length - 2);
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> CardState.decode(truncated));
        assertTrue(refused.getMessage().contains("truncated") || refused.getMessage().contains("overrun"), refused.getMessage());
    }

    /** Issue 14: a file of a newer format says so, and is left as it was. */
    @Test
    void aNewerFormatIsNamedAsSuch() throws Exception {
        Path path = dir.resolve("newer.json");
        String newer = "{\"format\": 9, \"persona\": \"hanako\", \"state\": \"00\", \"sha256\": \"x\"}\n";
        Files.writeString(path, newer);
        IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new CardStateFile(path, "hanako").load());
        assertTrue(refused.getMessage().contains("newer MynaSim") && refused.getMessage().contains(path.toString()), refused.getMessage());
        assertEquals(newer, Files.readString(path));
    }

    /** Issue 14: a second serve on a card state in use is refused, from another process as from this one. */
    @Test
    void aSecondClaimIsRefusedUntilTheFirstEnds() throws Exception {
        Path path = dir.resolve("hanako-slot0.json");
        Process holder = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), ClaimHolder.class.getName(), path.toString()).start();
        try {
            assertEquals("claimed", new java.io.BufferedReader(new java.io.InputStreamReader(holder.getInputStream(), java.nio.charset.StandardCharsets.UTF_8)).readLine());
            IllegalStateException refused = assertThrows(IllegalStateException.class, () -> new CardStateFile(path, "hanako").claim());
            assertTrue(refused.getMessage().contains(path.toString()) && refused.getMessage().contains("in use"), refused.getMessage());
        } finally {
            holder.getOutputStream().close();
            holder.waitFor();
        }
        dev.mynasim.fixtures.io.StateLock.Claim mine = new CardStateFile(path, "hanako").claim();
        try {
            assertThrows(IllegalStateException.class, () -> new CardStateFile(path, "hanako").claim(), "the same process twice");
        } finally {
            mine.close();
        }
        new CardStateFile(path, "hanako").claim().close();
    }

    /** Holds a claim until its standard input closes. */
    public static final class ClaimHolder {
        public static void main(String[] args) throws Exception {
            dev.mynasim.fixtures.io.StateLock.Claim claim = new CardStateFile(Path.of(args[0]), "hanako").claim();
            try {
                System.out.println("claimed");
                System.out.flush();
                System.in.read();
            } finally {
                claim.close();
            }
        }
    }
}
