package dev.mynasim.world.issuer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.io.StateHome;
import dev.mynasim.simulator.state.CardStateFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 14: state goes where {@code $XDG_STATE_HOME} or {@code $HOME} say, never to the JVM's
 * {@code user.home} (from the password database): a CI job that sets HOME for isolation must get it.
 */
class StateLocationTest {

    @TempDir
    Path dir;

    @Test
    void xdgThenHomeAndNeverUserHome() {
        assertEquals(Path.of("/x/mynasim"), StateHome.mynasim(Map.of("XDG_STATE_HOME", "/x", "HOME", "/h")));
        assertEquals(Path.of("/h/.local/state/mynasim"), StateHome.mynasim(Map.of("HOME", "/h")));
        assertEquals(Path.of("/h/.local/state/mynasim"), StateHome.mynasim(Map.of("XDG_STATE_HOME", "relative", "HOME", "/h")),
                "the XDG rules ignore a relative path");
        IllegalStateException none = assertThrows(IllegalStateException.class, () -> StateHome.mynasim(Map.of()));
        assertTrue(none.getMessage().contains("--state"), none.getMessage());
    }

    /** In a child JVM whose user.home points elsewhere, as when HOME is set for isolation. */
    @Test
    void aChildProcessWithHomeSetWritesUnderThatHome() throws Exception {
        Path home = dir.resolve("home");
        Path elsewhere = dir.resolve("account-home");
        ProcessBuilder child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Duser.home=" + elsewhere, "-cp", System.getProperty("java.class.path"), Where.class.getName());
        child.environment().put("HOME", home.toString());
        child.environment().remove("XDG_STATE_HOME");
        child.environment().remove("MYNASIM_CA_STATE");
        Process p = child.redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), out);
        assertEquals(home.resolve(".local/state/mynasim/ca") + "\n" + home.resolve(".local/state/mynasim/hanako-slot0.json") + "\n", out);
    }

    /** Prints the default CA state folder and card state file. */
    public static final class Where {
        public static void main(String[] args) {
            System.out.println(CaStateDirectory.resolve(null));
            System.out.println(CardStateFile.defaultPath("hanako", 0));
        }
    }
}
