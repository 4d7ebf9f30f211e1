package dev.mynasim.cli.shard;

import io.cucumber.htmlformatter.MessagesToHtmlWriter;
import io.cucumber.junitxmlformatter.MessagesToJunitXmlWriter;
import io.cucumber.messages.MessageToNdjsonWriter;
import io.cucumber.messages.NdjsonToMessageIterable;
import io.cucumber.messages.ndjson.Deserializer;
import io.cucumber.messages.ndjson.Serializer;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.TestRunFinished;
import io.cucumber.messages.types.Timestamp;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The reports of one or several runs, from their Cucumber message streams ({@code cucumber.ndjson}):
 * the timings file of a run, and the merge of shard outputs into one HTML report, one JUnit XML and one
 * message stream. Shards hold whole features, so the merge is their messages one after the other with
 * a single test run around them (started at the earliest start, finished at the latest finish,
 * successful when every shard was).
 */
public final class ShardReports {

    public static final String MESSAGES = "cucumber.ndjson";
    public static final String HTML = "cucumber.html";
    public static final String JUNIT = "cucumber.xml";
    public static final String TIMINGS = "timings.json";

    /** What a merge found. */
    public record Summary(int shards, int scenarios, int failed) {
    }

    private ShardReports() {
    }

    static List<Envelope> read(Path messages) throws IOException {
        List<Envelope> envelopes = new ArrayList<>();
        try (InputStream in = Files.newInputStream(messages);
                NdjsonToMessageIterable iterable = new NdjsonToMessageIterable(in, new Deserializer())) {
            iterable.forEach(envelopes::add);
        } catch (RuntimeException e) {
            throw new IllegalArgumentException(messages + ": not a Cucumber message stream (" + e.getMessage() + ")");
        }
        return envelopes;
    }

    /** Seconds per feature file of the run whose messages these are. */
    public static Timings timings(Path messages, Path home) throws IOException {
        Map<String, String> pickleUri = new HashMap<>();
        Map<String, String> testCasePickle = new HashMap<>();
        Map<String, String> startedTestCase = new HashMap<>();
        Map<String, Timestamp> startedAt = new HashMap<>();
        Map<String, Double> seconds = new TreeMap<>();
        for (Envelope envelope : read(messages)) {
            envelope.getPickle().ifPresent(pickle -> pickleUri.put(pickle.getId(), pickle.getUri()));
            envelope.getTestCase().ifPresent(testCase -> testCasePickle.put(testCase.getId(), testCase.getPickleId()));
            envelope.getTestCaseStarted().ifPresent(started -> {
                startedTestCase.put(started.getId(), started.getTestCaseId());
                startedAt.put(started.getId(), started.getTimestamp());
            });
            envelope.getTestCaseFinished().ifPresent(finished -> {
                String uri = pickleUri.get(testCasePickle.get(startedTestCase.get(finished.getTestCaseStartedId())));
                Timestamp start = startedAt.get(finished.getTestCaseStartedId());
                if (uri != null && start != null) {
                    seconds.merge(featureKey(uri, home), seconds(finished.getTimestamp()) - seconds(start), Double::sum);
                }
            });
        }
        return new Timings(seconds);
    }

    private static String featureKey(String uri, Path home) {
        if (uri.startsWith("file:")) {
            return FeatureShards.key(home, Path.of(URI.create(uri)));
        }
        return uri;
    }

    private static double seconds(Timestamp timestamp) {
        return timestamp.getSeconds() + timestamp.getNanos() / 1e9;
    }

    /** Writes the HTML report, JUnit XML, messages and timings of the shard outputs in {@code shardDirs} into {@code out}. */
    public static Summary merge(List<Path> shardDirs, Path out, Path home) throws IOException {
        List<Envelope> merged = new ArrayList<>();
        Envelope started = null;
        Timestamp finishedAt = null;
        boolean success = true;
        int scenarios = 0;
        int failed = 0;
        Map<String, Double> seconds = new TreeMap<>();
        for (Path dir : shardDirs) {
            Path messages = dir.resolve(MESSAGES);
            if (!Files.isRegularFile(messages)) {
                throw new IllegalArgumentException("--merge " + dir + ": no " + MESSAGES + " (the output folder of a check run)");
            }
            seconds.putAll(timings(messages, home).asMap());
            for (Envelope envelope : read(messages)) {
                if (envelope.getMeta().isPresent() && merged.stream().anyMatch(e -> e.getMeta().isPresent())) {
                    continue;
                }
                if (envelope.getTestRunStarted().isPresent()) {
                    if (started == null || seconds(envelope.getTestRunStarted().get().getTimestamp())
                            < seconds(started.getTestRunStarted().get().getTimestamp())) {
                        if (started != null) {
                            merged.remove(started);
                        }
                        started = envelope;
                        merged.add(0, envelope);
                    }
                    continue;
                }
                if (envelope.getTestRunFinished().isPresent()) {
                    TestRunFinished finished = envelope.getTestRunFinished().get();
                    success &= finished.getSuccess();
                    if (finishedAt == null || seconds(finished.getTimestamp()) > seconds(finishedAt)) {
                        finishedAt = finished.getTimestamp();
                    }
                    continue;
                }
                if (envelope.getTestCaseFinished().isPresent() && !envelope.getTestCaseFinished().get().getWillBeRetried()) {
                    scenarios++;
                }
                merged.add(envelope);
            }
            failed += failedScenarios(messages);
        }
        if (started != null) {
            // The meta envelope comes first in a message stream.
            merged.remove(started);
            int afterMeta = merged.isEmpty() || merged.get(0).getMeta().isEmpty() ? 0 : 1;
            merged.add(afterMeta, started);
        }
        if (finishedAt != null) {
            String runId = started == null ? null : started.getTestRunStarted().get().getId().orElse(null);
            merged.add(Envelope.of(new TestRunFinished(null, success, finishedAt, null, runId)));
        }
        Files.createDirectories(out);
        write(merged, out);
        new Timings(seconds).write(out.resolve(TIMINGS));
        return new Summary(shardDirs.size(), scenarios, failed);
    }

    /** Scenarios whose last attempt did not pass, from the JUnit XML beside the messages. */
    private static int failedScenarios(Path messages) throws IOException {
        Path junit = messages.resolveSibling(JUNIT);
        if (!Files.isRegularFile(junit)) {
            return 0;
        }
        String xml = Files.readString(junit);
        return count(xml, "<failure") + count(xml, "<error");
    }

    private static int count(String text, String needle) {
        int count = 0;
        for (int at = text.indexOf(needle); at >= 0; at = text.indexOf(needle, at + 1)) {
            count++;
        }
        return count;
    }

    public static void write(List<Envelope> envelopes, Path out) throws IOException {
        Serializer serializer = new Serializer();
        try (OutputStream html = Files.newOutputStream(out.resolve(HTML));
                MessagesToHtmlWriter writer = MessagesToHtmlWriter.builder(serializer::writeValue).build(html)) {
            for (Envelope envelope : envelopes) {
                writer.write(envelope);
            }
        }
        try (OutputStream xml = Files.newOutputStream(out.resolve(JUNIT));
                MessagesToJunitXmlWriter writer = MessagesToJunitXmlWriter.builder().build(xml)) {
            for (Envelope envelope : envelopes) {
                writer.write(envelope);
            }
        }
        try (OutputStream ndjson = Files.newOutputStream(out.resolve(MESSAGES));
                MessageToNdjsonWriter writer = new MessageToNdjsonWriter(ndjson, serializer)) {
            for (Envelope envelope : envelopes) {
                writer.write(envelope);
            }
        }
    }
}
