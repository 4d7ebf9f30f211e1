package dev.mynasim.client.transport;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Differential replay: sends a trace's commands, in order, to another card and compares status words
 * and response lengths line by line. A command whose data was masked (a PIN or password) is sent only
 * with a secret the caller supplies (asked on a terminal); otherwise it is skipped and said so. A
 * command the card guard refuses is skipped with the guard's reason.
 */
public final class TraceReplay {

    /** What happened to one trace line. */
    public record Outcome(TraceFile.Line line, Kind kind, String detail) {
        public enum Kind { SAME, DIFFERENT, SKIPPED }
    }

    /** All outcomes, in trace order. */
    public record Result(List<Outcome> outcomes) {

        public List<Outcome> differences() {
            return outcomes.stream().filter(o -> o.kind() == Outcome.Kind.DIFFERENT).toList();
        }

        public long count(Outcome.Kind kind) {
            return outcomes.stream().filter(o -> o.kind() == kind).count();
        }

        public String summary() {
            return String.format("%d exchanges: %d same, %d different, %d skipped", outcomes.size(),
                    count(Outcome.Kind.SAME), count(Outcome.Kind.DIFFERENT), count(Outcome.Kind.SKIPPED));
        }
    }

    private final Transport card;
    private final Function<TraceFile.Line, Optional<byte[]>> secrets;

    /**
     * @param card    where the commands go (guarded: Backends.open)
     * @param secrets for a masked line, the secret to send, or empty to skip the line
     */
    public TraceReplay(Transport card, Function<TraceFile.Line, Optional<byte[]>> secrets) {
        this.card = card;
        this.secrets = secrets;
    }

    public Result replay(TraceFile trace) {
        List<Outcome> outcomes = new ArrayList<>();
        for (TraceFile.Line line : trace.lines()) {
            outcomes.add(replay(line));
        }
        return new Result(List.copyOf(outcomes));
    }

    private Outcome replay(TraceFile.Line line) {
        byte[] command;
        if (line.isMasked()) {
            Optional<byte[]> secret = secrets.apply(line);
            if (secret.isEmpty()) {
                return new Outcome(line, Outcome.Kind.SKIPPED, "its PIN/password data is masked and none was given");
            }
            command = line.commandWith(secret.get());
            java.util.Arrays.fill(secret.get(), (byte) 0);
        } else {
            command = line.commandBytes();
        }
        byte[] response;
        try {
            response = card.transceive(command);
        } catch (org.opentest4j.TestAbortedException refused) {
            return new Outcome(line, Outcome.Kind.SKIPPED, "the card guard refused it: " + refused.getMessage());
        } catch (TransportException e) {
            return line.hadNoResponse()
                    ? new Outcome(line, Outcome.Kind.SAME, "no response, as recorded")
                    : new Outcome(line, Outcome.Kind.DIFFERENT, "recorded " + describe(line.sw(), line.dataLength())
                            + ", replay got no response (" + e.getMessage() + ")");
        } finally {
            java.util.Arrays.fill(command, (byte) 0);
        }
        int sw = Apdus.sw(response);
        int length = response.length - 2;
        if (line.hadNoResponse()) {
            return new Outcome(line, Outcome.Kind.DIFFERENT, "recorded no response, replay got " + describe(sw, length));
        }
        if (sw != line.sw() || length != line.dataLength()) {
            return new Outcome(line, Outcome.Kind.DIFFERENT, "recorded " + describe(line.sw(), line.dataLength())
                    + ", replay got " + describe(sw, length));
        }
        return new Outcome(line, Outcome.Kind.SAME, describe(sw, length));
    }

    private static String describe(int sw, int length) {
        return "SW " + Apdus.swText(sw) + " with " + length + " data byte" + (length == 1 ? "" : "s");
    }
}
