package dev.mynasim.client.pcsc;

import dev.mynasim.client.transport.TransportException;
import dev.mynasim.simulator.vpcd.PcscEnvironment;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.TerminalFactory;

/**
 * Finds a PC/SC reader by a user's spec. A spec is, in this order: an exact reader name; a number (the reader's
 * index, from 0, in pcscd's order); or a case-insensitive fragment of exactly one reader's name. A null or
 * blank spec means the environment variable {@value #READER_ENV}; without it the only reader, or else the only
 * reader with a card in it, is chosen.
 *
 * <p>pcscd is reached lazily through {@code TerminalFactory.getInstance("PC/SC", null)} on every call, never
 * through the JVM-wide default factory (which stays empty forever if it was first asked while pcscd was down).
 */
public final class PcscReaders {

    /** Environment variable naming the reader to use when no spec is given. */
    public static final String READER_ENV = "MYNASIM_READER";

    private PcscReaders() {
    }

    /** The reader {@code spec} designates (null: {@value #READER_ENV}). */
    public static CardTerminal choose(String spec) {
        CardTerminals terminals = terminals();
        List<String> names = names(terminals);
        String name = pick(effectiveSpec(spec), names, n -> isCardPresent(terminals, n));
        return terminals.getTerminal(name);
    }

    /** The names of the readers pcscd has now (empty when it has none). */
    public static List<String> names() {
        return names(terminals());
    }

    static List<String> names(CardTerminals terminals) {
        try {
            return terminals.list().stream().map(CardTerminal::getName).toList();
        } catch (CardException e) {
            if (isNoReaders(e)) {
                return List.of();
            }
            throw new TransportException("cannot list PC/SC readers: " + pcscCode(e));
        }
    }

    static String effectiveSpec(String spec) {
        if (spec != null && !spec.isBlank()) {
            return spec;
        }
        String env = System.getenv(READER_ENV);
        return env == null || env.isBlank() ? null : env;
    }

    /** Pure selection logic (no PC/SC), so it can be checked without pcscd. */
    static String pick(String spec, List<String> names, java.util.function.Predicate<String> cardPresent) {
        if (names.isEmpty()) {
            throw new ReaderNotFoundException("no readers: pcscd has no reader"
                    + (spec == null ? "" : " to match '" + spec + "'")
                    + " (for the virtual one, the vsmartcard-vpcd package must be installed before pcscd starts)",
                    names);
        }
        if (spec == null) {
            if (names.size() == 1) {
                return names.get(0);
            }
            List<String> withCard = names.stream().filter(cardPresent).toList();
            if (withCard.size() == 1) {
                return withCard.get(0);
            }
            throw new ReaderNotFoundException("no reader given and " + (withCard.isEmpty() ? "no" : "more than one")
                    + " reader has a card; name one (exact name, unique fragment or index) or set " + READER_ENV
                    + "; readers: " + list(names), names);
        }
        String s = spec.trim();
        if (names.contains(s)) {
            return s;
        }
        if (s.matches("\\d{1,4}")) {
            int index = Integer.parseInt(s);
            if (index < names.size()) {
                return names.get(index);
            }
            throw new ReaderNotFoundException("no reader with index " + index + "; readers: " + list(names), names);
        }
        String lower = s.toLowerCase(Locale.ROOT);
        List<String> matches = names.stream().filter(n -> n.toLowerCase(Locale.ROOT).contains(lower)).toList();
        if (matches.size() == 1) {
            return matches.get(0);
        }
        if (matches.isEmpty()) {
            throw new ReaderNotFoundException("no reader matches '" + s + "'; readers: " + list(names), names);
        }
        throw new ReaderNotFoundException("reader '" + s + "' is ambiguous, it matches " + list(matches)
                + "; readers: " + list(names), names);
    }

    private static String list(List<String> names) {
        List<String> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            out.add(i + ": \"" + names.get(i) + "\"");
        }
        return String.join(", ", out);
    }

    private static boolean isCardPresent(CardTerminals terminals, String name) {
        try {
            return terminals.getTerminal(name).isCardPresent();
        } catch (CardException e) {
            return false;
        }
    }

    /** The readers of pcscd, through a fresh factory; a clear TransportException when pcscd is missing. */
    static CardTerminals terminals() {
        return factory().terminals();
    }

    static TerminalFactory factory() {
        TerminalFactory factory;
        try {
            factory = PcscEnvironment.terminalFactory();
        } catch (IllegalStateException e) {
            throw new TransportException(e.getMessage());
        }
        try {
            factory.terminals().list();
            return factory;
        } catch (CardException e) {
            if (isNoReaders(e)) {
                return factory;
            }
            if (isNoService(e) && PcscEnvironment.resetContext()) {
                // pcscd restarted under this JVM: its PC/SC context is dead; a new one was made
                return factory();
            }
            if (isNoService(e)) {
                throw new TransportException("pcscd was restarted or stopped while this JVM was running and the"
                        + " JDK's PC/SC context cannot be renewed without --add-opens"
                        + " java.smartcardio/sun.security.smartcardio=ALL-UNNAMED; restart the JVM. "
                        + PcscEnvironment.checkPcscd().describe());
            }
            throw new TransportException("cannot list PC/SC readers: " + pcscCode(e));
        }
    }

    static boolean isNoReaders(Throwable e) {
        return pcscCode(e).contains("SCARD_E_NO_READERS_AVAILABLE");
    }

    static boolean isNoService(Throwable e) {
        String code = pcscCode(e);
        return code.contains("SCARD_E_NO_SERVICE") || code.contains("SCARD_E_SERVICE_STOPPED")
                || code.contains("SCARD_E_INVALID_HANDLE");
    }

    /** The SCARD_... code of a javax.smartcardio failure (the JDK puts it in the cause's message). */
    static String pcscCode(Throwable e) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            String m = c.getMessage();
            if (m != null) {
                int i = m.indexOf("SCARD_");
                if (i >= 0) {
                    int j = i;
                    while (j < m.length() && (Character.isLetterOrDigit(m.charAt(j)) || m.charAt(j) == '_')) {
                        j++;
                    }
                    return m.substring(i, j);
                }
            }
            if (c.getCause() == c) {
                break;
            }
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
