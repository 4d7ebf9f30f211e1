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
        String recorded = answersRandomData(command) ? randomData(response) : SecretMasking.describeResponse(response);
        exchanges.add(new Exchange(SecretMasking.describe(command), recorded, micros));
    }

    /**
     * Commands whose answer is random on every card (GET CHALLENGE, RSASSA-PSS signatures 80 2A 04/05,
     * a key pair made on the card): their data is recorded as {@code ??}, which a replay does not compare.
     */
    static boolean answersRandomData(byte[] command) {
        if (command.length < 4) {
            return false;
        }
        int cla = command[0] & 0xFF;
        int ins = command[1] & 0xFF;
        int p1 = command[2] & 0xFF;
        return ins == 0x84 || ins == 0x46 || (cla == 0x80 && ins == 0x2A && (p1 == 0x04 || p1 == 0x05));
    }

    private static String randomData(byte[] response) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < response.length - 2; i++) {
            out.append("?? ");
        }
        return out.append(Apdus.toHex(response, response.length - 2, 2)).toString();
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
