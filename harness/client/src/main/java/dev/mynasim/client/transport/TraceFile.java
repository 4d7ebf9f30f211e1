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
 * abbreviated as {@code [N bytes] SW1 SW2} (hand-written traces, e.g. from published examples); a
 * command's masked secret is {@code **} per byte. Blank lines and lines starting with {@code ##} are
 * comments. A line that is none of these is an error naming the line.
 */
public record TraceFile(Map<String, String> header, List<Line> lines) {

    private static final Pattern EXCHANGE = Pattern.compile("^> (.+?)  < (.+?)(?:  \\((\\d+)\\.(\\d{3}) ms\\))?$");
    private static final Pattern ABBREVIATED = Pattern.compile("^\\[(\\d+) bytes?] ([0-9A-Fa-f]{2} ?[0-9A-Fa-f]{2})$");
    private static final String MASK = "**";

    /** One recorded exchange: its line number, the command as recorded, and what came back. */
    public record Line(int number, String command, String response) {

        /** Whether the command's data was masked (a PIN or password): it cannot be replayed as is. */
        public boolean isMasked() {
            return command.contains(MASK);
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
            return abbreviated.matches() ? Apdus.sw(Apdus.fromHex(abbreviated.group(2))) : Apdus.sw(Apdus.fromHex(response));
        }

        /** Length of the recorded response data (without the status word); -1 if there was none. */
        public int dataLength() {
            if (hadNoResponse()) {
                return -1;
            }
            Matcher abbreviated = ABBREVIATED.matcher(response);
            return abbreviated.matches() ? Integer.parseInt(abbreviated.group(1)) : Apdus.fromHex(response).length - 2;
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
                throw new IllegalArgumentException(source + ":" + number + ": not a trace line (expected"
                        + " \"> C-APDU  < R-APDU  (d.ddd ms)\" or a # header): " + line);
            }
            Line parsed = new Line(number, exchange.group(1).trim(), exchange.group(2).trim());
            try {
                if (!parsed.isMasked()) {
                    parsed.commandBytes();
                }
                parsed.sw();
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(source + ":" + number + ": " + e.getMessage(), e);
            }
            lines.add(parsed);
        }
        return new TraceFile(Map.copyOf(header), List.copyOf(lines));
    }
}
