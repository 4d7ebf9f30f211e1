package dev.mynasim.client.transport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A trace as {@link ApduTrace} writes it, read back for replay. Besides full hex, a response may be
 * abbreviated as {@code [N bytes] SW1 SW2} (hand-written traces, e.g. from published examples: any N
 * bytes), or {@code [per-card bytes] SW1 SW2} (any number of bytes: a certificate whose size depends
 * on the holder); in a full-hex response {@code ??} stands for one byte that is random or per-card
 * (challenges, signatures, keys, the holder's data) and is not compared. A command's masked secret is
 * {@code **} per byte. Blank lines and lines starting with {@code ##} are
 * comments. A line that is none of these is an error naming the line.
 */
public record TraceFile(Map<String, String> header, List<Line> lines) {

    private static final Pattern EXCHANGE = Pattern.compile("^> (.+?)  < (.+?)(?:  \\((\\d+)\\.(\\d{3}) ms\\))?$");
    private static final Pattern ABBREVIATED = Pattern.compile("^\\[(\\d+) bytes?] ([0-9A-Fa-f]{2} ?[0-9A-Fa-f]{2})$");
    private static final Pattern PER_CARD = Pattern.compile("^\\[per-card bytes?] ([0-9A-Fa-f]{2} ?[0-9A-Fa-f]{2})$");
    private static final String MASK = "**";
    private static final String ANY_BYTE = "??";
    /** dataLength() of a response recorded as [per-card bytes]: any length. */
    public static final int ANY_LENGTH = -2;

    /** One recorded exchange: its line number, the command as recorded, and what came back. */
    public record Line(int number, String command, String response) {

        /** Whether the command's data was masked (a PIN or password): it cannot be replayed as is. */
        public boolean isMasked() {
            return command.contains(MASK);
        }

        /**
         * The command as it may be shown (difference lines, messages): a PIN or password in a
         * hand-written, unmasked trace is masked here as in every trace MynaSim writes.
         */
        public String shown() {
            if (isMasked()) {
                return command;
            }
            try {
                return SecretMasking.describe(Apdus.fromHex(command));
            } catch (RuntimeException e) {
                return "(not hex)";
            }
        }

        /** Whether the recorded exchange got no response at all. */
        public boolean hadNoResponse() {
            return response.startsWith("(no response");
        }

        /** The command bytes; only for unmasked commands. */
        public byte[] commandBytes() {
            if (isMasked()) {
                throw new IllegalStateException("line " + number + ": the command's data is masked");
            }
            return Apdus.fromHex(command);
        }

        /** The command with the masked bytes replaced by {@code secret} (Lc adjusted for short commands). */
        public byte[] commandWith(byte[] secret) {
            String[] tokens = command.trim().split("\\s+");
            int first = -1;
            int count = 0;
            for (int i = 0; i < tokens.length; i++) {
                if (tokens[i].equals(MASK)) {
                    first = first < 0 ? i : first;
                    count++;
                }
            }
            if (first != 5) {
                throw new IllegalStateException("line " + number + ": only short commands with masked data from byte 6 can be replayed");
            }
            byte[] header = Apdus.fromHex(String.join(" ", java.util.Arrays.copyOfRange(tokens, 0, 4)));
            byte[] trailer = Apdus.fromHex(String.join(" ", java.util.Arrays.copyOfRange(tokens, first + count, tokens.length)));
            byte[] out = new byte[5 + secret.length + trailer.length];
            System.arraycopy(header, 0, out, 0, 4);
            out[4] = (byte) secret.length;
            System.arraycopy(secret, 0, out, 5, secret.length);
            System.arraycopy(trailer, 0, out, 5 + secret.length, trailer.length);
            return out;
        }

        /** Number of masked bytes (the secret's recorded length). */
        public int maskedLength() {
            return (command.length() - command.replace(MASK, "").length()) / MASK.length();
        }

        /** Status word of the recorded response; -1 if there was none. */
        public int sw() {
            if (hadNoResponse()) {
                return -1;
            }
            Matcher abbreviated = ABBREVIATED.matcher(response);
            if (abbreviated.matches()) {
                return Apdus.sw(Apdus.fromHex(abbreviated.group(2)));
            }
            Matcher perCard = PER_CARD.matcher(response);
            if (perCard.matches()) {
                return Apdus.sw(Apdus.fromHex(perCard.group(1)));
            }
            List<String> tokens = responseTokens();
            if (tokens.size() < 2 || tokens.get(tokens.size() - 1).equals(ANY_BYTE) || tokens.get(tokens.size() - 2).equals(ANY_BYTE)) {
                throw new IllegalArgumentException("the status word must be written out: " + response);
            }
            return Apdus.sw(Apdus.fromHex(String.join(" ", tokens.subList(tokens.size() - 2, tokens.size()))));
        }

        /** The full-hex response split into byte tokens ({@code ??} kept), validated. */
        private List<String> responseTokens() {
            String compact = response.replaceAll("\\s+", "");
            if (compact.length() % 2 != 0) {
                throw new IllegalArgumentException("odd number of hex digits in the response: " + response);
            }
            List<String> tokens = new ArrayList<>();
            for (int i = 0; i < compact.length(); i += 2) {
                String token = compact.substring(i, i + 2);
                if (!token.equals(ANY_BYTE) && !token.equals(MASK) && !token.matches("[0-9A-Fa-f]{2}")) {
                    throw new IllegalArgumentException("not a hex byte, ?? or ** in the response: " + token);
                }
                // A masked secret (the My Number) is not compared either.
                tokens.add(token.equals(MASK) ? ANY_BYTE : token);
            }
            return tokens;
        }

        /**
         * Why a replayed response differs from this recorded one, or empty when it matches: the status
         * word, the data length (unless recorded as {@code [per-card bytes]}), then every data byte not
         * recorded as {@code ??} (an abbreviated {@code [N bytes]} response compares no bytes).
         */
        public java.util.Optional<String> differenceFrom(byte[] replayed) {
            int sw = Apdus.sw(replayed);
            int length = replayed.length - 2;
            int recordedLength = dataLength();
            if (sw != sw() || (recordedLength != ANY_LENGTH && length != recordedLength)) {
                return java.util.Optional.of("recorded " + describe(sw(), recordedLength) + ", replay got " + describe(sw, length));
            }
            if (ABBREVIATED.matcher(response).matches() || PER_CARD.matcher(response).matches()) {
                return java.util.Optional.empty();
            }
            List<String> tokens = responseTokens();
            for (int i = 0; i < length; i++) {
                String recorded = tokens.get(i);
                if (!recorded.equals(ANY_BYTE) && Integer.parseInt(recorded, 16) != (replayed[i] & 0xFF)) {
                    return java.util.Optional.of(String.format("data byte %d: recorded %s, replay got %02X", i, recorded.toUpperCase(java.util.Locale.ROOT), replayed[i] & 0xFF));
                }
            }
            return java.util.Optional.empty();
        }

        private static String describe(int sw, int length) {
            return "SW " + Apdus.swText(sw) + (length == ANY_LENGTH ? " with per-card data" : " with " + length + " data byte" + (length == 1 ? "" : "s"));
        }

        /** Length of the recorded response data (without the status word); -1 if there was none. */
        public int dataLength() {
            if (hadNoResponse()) {
                return -1;
            }
            Matcher abbreviated = ABBREVIATED.matcher(response);
            if (abbreviated.matches()) {
                return Integer.parseInt(abbreviated.group(1));
            }
            return PER_CARD.matcher(response).matches() ? ANY_LENGTH : responseTokens().size() - 2;
        }
    }

    public static TraceFile read(Path path) {
        try {
            return parse(Files.readAllLines(path), path.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the trace " + path + ": " + e.getMessage(), e);
        }
    }

    public static TraceFile parse(List<String> text, String source) {
        Map<String, String> header = new LinkedHashMap<>();
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < text.size(); i++) {
            String line = text.get(i).strip();
            int number = i + 1;
            if (line.isEmpty() || line.startsWith("##")) {
                continue;
            }
            if (line.startsWith("#")) {
                int colon = line.indexOf(':');
                if (colon > 1) {
                    header.putIfAbsent(line.substring(1, colon).trim(), line.substring(colon + 1).trim());
                }
                continue;
            }
            Matcher exchange = EXCHANGE.matcher(line);
            if (!exchange.matches()) {
                // The line itself is not echoed: a hand-written one may hold a PIN.
                throw new IllegalArgumentException(source + ":" + number + ": not a trace line (expected"
                        + " \"> C-APDU  < R-APDU  (d.ddd ms)\" or a # header)");
            }
            Line parsed = new Line(number, exchange.group(1).trim(), exchange.group(2).trim());
            try {
                if (!parsed.isMasked()) {
                    parsed.commandBytes();
                }
                parsed.sw();
            } catch (RuntimeException e) {
                // Not the parser's message: it quotes the bytes, which may be a PIN.
                throw new IllegalArgumentException(source + ":" + number + ": the command or the response is not hex bytes"
                        + " (two hex digits per byte, separated by spaces)", e);
            }
            lines.add(parsed);
        }
        return new TraceFile(Map.copyOf(header), List.copyOf(lines));
    }
}
