package dev.mynasim.cli.report;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * Cucumber plugin: one line per scenario as it finishes, then a one-page summary with every failure
 * and every skip with its reason. Used by {@code mynasim check}.
 */
public final class ProgressReporter implements ConcurrentEventListener {

    private final PrintStream out = System.out;
    private final List<String> failures = new ArrayList<>();
    private final List<String> skips = new ArrayList<>();
    private int passed;
    private int count;

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(TestCaseFinished.class, this::scenarioFinished);
        publisher.registerHandlerFor(TestRunFinished.class, event -> summary());
    }

    private synchronized void scenarioFinished(TestCaseFinished event) {
        count++;
        TestCase testCase = event.getTestCase();
        Result result = event.getResult();
        String where = location(testCase.getUri()) + ":" + testCase.getLocation().getLine();
        String line = testCase.getName() + "  (" + where + ")";
        String reason = result.getError() == null ? "" : firstLine(result.getError().getMessage());
        Status status = result.getStatus();
        if (status == Status.PASSED) {
            passed++;
            out.printf("  %3d  passed   %s%n", count, line);
        } else if (status == Status.SKIPPED || status == Status.PENDING) {
            skips.add(line + (reason.isEmpty() ? "" : "\n         reason: " + reason));
            out.printf("  %3d  skipped  %s%n", count, line);
        } else {
            failures.add(line + "\n         " + status.name().toLowerCase() + ": " + reason);
            out.printf("  %3d  FAILED   %s%n", count, line);
        }
        out.flush();
    }

    private synchronized void summary() {
        out.println();
        out.printf("%d passed, %d failed, %d skipped%n", passed, failures.size(), skips.size());
        if (!failures.isEmpty()) {
            out.println("Failed:");
            failures.forEach(f -> out.println("  - " + f));
        }
        if (!skips.isEmpty()) {
            out.println("Skipped:");
            skips.forEach(s -> out.println("  - " + s));
        }
        out.flush();
    }

    private static String location(URI uri) {
        String path = uri.getPath() == null ? uri.toString() : uri.getPath();
        int features = path.lastIndexOf("/features/");
        return features >= 0 ? path.substring(features + 1) : path;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
