package dev.mynasim.client.transport;

import java.util.ArrayList;
import java.util.List;

/**
 * A plain-text record of one session: {@code # key: value} header lines (reader, ATR, protocol, card,
 * persona), then one exchange per line, {@code > C-APDU  < R-APDU  (duration)}, PIN and password
 * bytes masked as {@code **}. {@link TraceFile} reads it back. Thread-safe, because a backend may be
 * driven from a step thread and read from a report hook.
 */
public final class ApduTrace {

    /** One command and its response, or the reason there was none. */
    public record Exchange(String command, String response, long micros) {
        public String line() {
            return String.format("> %s  < %s  (%d.%03d ms)", command, response, micros / 1000, micros % 1000);
        }
    }

    private final List<String> header = new ArrayList<>();
    private final List<Exchange> exchanges = new ArrayList<>();

    public synchronized void note(String line) {
        header.add(line);
    }

    public synchronized void record(byte[] command, byte[] response, long micros) {
        exchanges.add(new Exchange(SecretMasking.describe(command), SecretMasking.describeResponse(response), micros));
    }

    public synchronized void recordFailure(byte[] command, String failure, long micros) {
        exchanges.add(new Exchange(SecretMasking.describe(command), "(no response: " + failure + ")", micros));
    }

    public synchronized List<Exchange> exchanges() {
        return List.copyOf(exchanges);
    }

    public synchronized void clear() {
        header.clear();
        exchanges.clear();
    }

    public synchronized String render() {
        StringBuilder out = new StringBuilder();
        for (String line : header) {
            out.append("# ").append(line).append(System.lineSeparator());
        }
        for (Exchange exchange : exchanges) {
            out.append(exchange.line()).append(System.lineSeparator());
        }
        return out.toString();
    }
}
