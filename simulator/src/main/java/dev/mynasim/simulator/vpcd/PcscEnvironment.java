package dev.mynasim.simulator.vpcd;

import java.io.IOException;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

import javax.smartcardio.TerminalFactory;

/**
 * Is there a pcscd with vsmartcard's vpcd reader on this machine, and if not, what is missing and how to fix it.
 * Used by the vpcd backend, the PC/SC transport and the tests that go through pcscd (which skip, or fail when
 * {@value #REQUIRE_ENV}=1, with {@link Status#describe()} as the reason).
 *
 * <p>Nothing here connects to vpcd's port: a connection would look like a card insertion to pcscd. Ports
 * are checked by reading {@code /proc/net/tcp} (Linux).
 */
public final class PcscEnvironment {

    /** Set to {@code 1} (or {@code true}) to make tests fail instead of skipping when pcscd/vpcd are missing. */
    public static final String REQUIRE_ENV = "MYNASIM_REQUIRE_PCSC";
    public static final Path PCSCD_SOCKET = Path.of("/run/pcscd/pcscd.comm");
    public static final Path PCSCD_PID_FILE = Path.of("/run/pcscd/pcscd.pid");
    public static final Path VPCD_CONFIG = Path.of("/etc/reader.conf.d/vpcd");
    public static final String INSTALL_HINT =
            "install with: apt-get install -y --no-install-recommends pcscd vsmartcard-vpcd opensc pcsc-tools";
    public static final String START_HINT =
            "start it as root with: scripts/start-pcscd.sh (or plain 'pcscd'; there is no systemd here)";
    private static final List<Path> PCSCD_BINARIES = List.of(Path.of("/usr/sbin/pcscd"), Path.of("/usr/bin/pcscd"),
            Path.of("/usr/local/sbin/pcscd"));

    private PcscEnvironment() {
    }

    /** What was found. {@link #ready()} when nothing is missing. */
    public record Status(List<String> missing) {
        public Status {
            missing = List.copyOf(missing);
        }

        public boolean ready() {
            return missing.isEmpty();
        }

        /** One paragraph: what is missing and how to install and start it, or "ready". */
        public String describe() {
            if (ready()) {
                return "pcscd and vpcd are ready";
            }
            return "PC/SC is not ready: " + String.join("; ", missing) + ". " + Character.toUpperCase(
                    INSTALL_HINT.charAt(0)) + INSTALL_HINT.substring(1) + ", then " + START_HINT + ".";
        }
    }

    /** Whether the environment asks for PC/SC tests to fail rather than skip ({@value #REQUIRE_ENV}=1). */
    public static boolean required() {
        String v = System.getenv(REQUIRE_ENV);
        return v != null && (v.trim().equals("1") || v.trim().equalsIgnoreCase("true"));
    }

    /**
     * Why a test that needs PC/SC cannot run, for its skip message or, under {@value #REQUIRE_ENV}=1, its
     * failure: the PC/SC tests' one wording, wherever they are (the test-jar's {@code @RequiresPcsc},
     * mynasim-junit's {@code via = PCSC}).
     */
    public static String unavailableReason(String test, Status status) {
        return test + ": " + status.describe() + " (these tests skip without it; " + REQUIRE_ENV + "=1 makes them fail instead)";
    }

    /** Checks pcscd alone (for any PC/SC reader): installed, running, reachable from javax.smartcardio. */
    public static Status checkPcscd() {
        List<String> missing = new ArrayList<>();
        checkPcscd(missing);
        return new Status(missing);
    }

    /** Checks pcscd with vpcd listening on {@code port} (35963 for slot 0). */
    public static Status check(int port) {
        List<String> missing = new ArrayList<>();
        if (!Files.exists(VPCD_CONFIG)) {
            missing.add("the vpcd reader config " + VPCD_CONFIG + " is missing (package vsmartcard-vpcd)");
        }
        checkPcscd(missing);
        if (missing.isEmpty()) {
            Boolean listening = isListening(port);
            if (Boolean.FALSE.equals(listening)) {
                missing.add("pcscd runs but vpcd does not listen on TCP port " + port
                        + " (is " + VPCD_CONFIG + " in place and was pcscd started after it?)");
            }
        }
        return new Status(missing);
    }

    private static void checkPcscd(List<String> missing) {
        boolean installed = PCSCD_BINARIES.stream().anyMatch(Files::isExecutable);
        if (!installed) {
            missing.add("pcscd is not installed");
        }
        if (!Files.exists(PCSCD_SOCKET)) {
            missing.add("pcscd is not running (no " + PCSCD_SOCKET + ")");
            return;
        }
        try {
            TerminalFactory.getInstance("PC/SC", null);
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            missing.add("javax.smartcardio cannot reach pcscd (" + rootMessage(e) + "; a non-Debian JDK may need"
                    + " -Dsun.security.smartcardio.library=/usr/lib/x86_64-linux-gnu/libpcsclite.so.1)");
        }
    }

    /**
     * Whether something listens on TCP {@code port} (any local address), from /proc/net/tcp and tcp6 without
     * connecting. Null when that cannot be told (not Linux).
     */
    public static Boolean isListening(int port) {
        Path tcp = Path.of("/proc/net/tcp");
        if (!Files.isReadable(tcp)) {
            return null;
        }
        Pattern listen = Pattern.compile("^\\s*\\d+: [0-9A-F]+:" + String.format(Locale.ROOT, "%04X", port)
                + " [0-9A-F]+:0000 0A .*");
        for (Path p : List.of(tcp, Path.of("/proc/net/tcp6"))) {
            try {
                if (Files.isReadable(p) && Files.readAllLines(p).stream().anyMatch(l -> listen.matcher(l).matches())) {
                    return true;
                }
            } catch (IOException e) {
                return null;
            }
        }
        return false;
    }

    /**
     * A PC/SC terminal factory for pcscd, obtained now (not the JVM-wide default, which is fixed to an empty
     * factory forever if the first call happened while pcscd was down).
     *
     * @throws IllegalStateException with install/start hints when pcscd cannot be reached
     */
    public static TerminalFactory terminalFactory() {
        try {
            return TerminalFactory.getInstance("PC/SC", null);
        } catch (NoSuchAlgorithmException | RuntimeException e) {
            throw new IllegalStateException(checkPcscd().ready()
                    ? "cannot reach pcscd through javax.smartcardio: " + rootMessage(e)
                    : checkPcscd().describe(), e);
        }
    }

    /**
     * Like {@link #terminalFactory()}, but first drops the JVM's cached PC/SC context so that a restarted pcscd
     * is reached. The JDK keeps one PC/SC context per JVM (in {@code sun.security.smartcardio.PCSCTerminals});
     * once pcscd restarts every call on it fails with SCARD_E_NO_SERVICE, even through a new factory.
     * Dropping it needs {@code --add-opens java.smartcardio/sun.security.smartcardio=ALL-UNNAMED}; without that
     * flag this returns a plain factory (on the old context) and {@link #canResetContext()} is false.
     * Cards and terminals obtained before stay on the old context: get new ones from the returned factory.
     */
    public static TerminalFactory freshTerminalFactory() {
        resetContext();
        return terminalFactory();
    }

    /** Whether {@link #freshTerminalFactory()} can really drop the JDK's PC/SC context (module opened). */
    public static boolean canResetContext() {
        Module m = TerminalFactory.class.getModule();
        return m.isOpen("sun.security.smartcardio", PcscEnvironment.class.getModule());
    }

    /** Drops the JDK's PC/SC context if allowed; returns whether it did. */
    @SuppressWarnings("unchecked")
    public static boolean resetContext() {
        if (!canResetContext()) {
            return false;
        }
        try {
            Class<?> terminals = Class.forName("sun.security.smartcardio.PCSCTerminals");
            Field contextId = terminals.getDeclaredField("contextId");
            Field cache = terminals.getDeclaredField("terminals");
            contextId.setAccessible(true);
            cache.setAccessible(true);
            // PCSCTerminals' static synchronized methods lock the class: hold the same lock
            synchronized (terminals) {
                contextId.setLong(null, 0L);
                ((Map<String, ?>) cache.get(null)).clear();
            }
            return true;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }

    static String rootMessage(Throwable t) {
        Throwable c = t;
        while (c.getCause() != null && c.getCause() != c) {
            c = c.getCause();
        }
        String m = c.getMessage();
        return m == null ? c.getClass().getSimpleName() : m;
    }
}
