package dev.mynasim.cli.report;

import dev.mynasim.cli.Messages;
import dev.mynasim.glue.steps.ParameterTypes;
import io.cucumber.plugin.EventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.Result;
import io.cucumber.plugin.event.SnippetsSuggestedEvent;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.StepDefinedEvent;
import io.cucumber.plugin.event.TestCase;
import io.cucumber.plugin.event.TestCaseFinished;
import io.cucumber.plugin.event.TestRunFinished;
import java.io.PrintStream;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.List;
import java.util.Set;

/**
 * Cucumber plugin: one line per scenario, then a one-page summary with every failure and every skip
 * with its reason, and for each undefined step the nearest known phrasing and a definition to paste.
 * Prints in the run's language (the messages it is made with). Used by {@code mynasim check}. A plain
 * (not concurrent) listener on purpose: run one at a time, the lines come as each scenario finishes;
 * run with {@code --threads}, Cucumber hands them over in feature order once the run ends, so the
 * output reads the same either way.
 */
public final class ProgressReporter implements EventListener {

    /** Every word each parameter type takes, in both languages, to turn an undefined step into an expression. */
    private static final Map<String, List<String>> WORDS = new LinkedHashMap<>();

    static {
        ParameterTypes.vocabularies().forEach((name, vocabulary) -> {
            List<String> words = new ArrayList<>(vocabulary.english().keySet());
            words.addAll(vocabulary.japanese().keySet());
            WORDS.put(name, words);
        });
    }

    private final PrintStream out = System.out;
    private final Messages messages;
    private final List<String> failures = new ArrayList<>();
    private final List<String> skips = new ArrayList<>();
    private final Map<String, String> phrasings = new LinkedHashMap<>();
    private final List<String> undefined = new ArrayList<>();
    private final Set<String> undefinedSteps = new LinkedHashSet<>();
    private int passed;
    private int count;

    public ProgressReporter(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void setEventPublisher(EventPublisher publisher) {
        publisher.registerHandlerFor(StepDefinedEvent.class, this::stepDefined);
        publisher.registerHandlerFor(SnippetsSuggestedEvent.class, this::snippetsSuggested);
        publisher.registerHandlerFor(TestCaseFinished.class, this::scenarioFinished);
        publisher.registerHandlerFor(TestRunFinished.class, event -> summary());
    }

    private synchronized void stepDefined(StepDefinedEvent event) {
        phrasings.put(event.getStepDefinition().getPattern(), event.getStepDefinition().getLocation());
    }

    /** Once per distinct undefined step: where, the nearest phrasing we know, and Cucumber's snippet. */
    private synchronized void snippetsSuggested(SnippetsSuggestedEvent event) {
        String step = event.getSuggestion().getStep();
        if (!undefinedSteps.add(step)) {
            return;
        }
        StringBuilder hint = new StringBuilder();
        hint.append(messages.get("undefined.step", step, location(event.getUri()) + ":" + event.getStepLocation().getLine()));
        List<String> snippets = event.getSuggestion().getSnippets();
        String annotation = snippets.isEmpty() ? "@Given" : snippets.get(0).lines().findFirst().orElse("@Given").replaceAll("\\(.*", "");
        NearestStep.among(step, phrasings.keySet()).ifPresent(p -> {
            String method = methodOf(phrasings.get(p));
            hint.append('\n').append("    ").append(messages.get("undefined.nearest", p, method));
            String expression = NearestStep.asExpression(step, WORDS, NearestStep.parameters(p));
            hint.append('\n').append("    ").append(messages.get("undefined.addTo", method));
            hint.append('\n').append("      ").append(annotation).append("(\"").append(expression.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append("\")");
        });
        hint.append('\n').append("    ").append(messages.get("undefined.snippet"));
        for (String snippet : event.getSuggestion().getSnippets()) {
            snippet.lines().forEach(line -> hint.append("\n      ").append(line));
        }
        undefined.add(hint.toString());
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
            progress("status.passed", line);
        } else if (status == Status.SKIPPED || status == Status.PENDING) {
            skips.add(line + (reason.isEmpty() ? "" : "\n         " + messages.get("reason", reason)));
            progress("status.skipped", line);
        } else {
            failures.add(line + "\n         " + messages.get("outcome." + status.name().toLowerCase(java.util.Locale.ROOT))
                    + (reason.isEmpty() ? "" : ": " + reason));
            progress("status.failed", line);
        }
        out.flush();
    }

    /** "  12  passed   name": the status padded to one column, counting a full-width character as two. */
    private void progress(String statusKey, String line) {
        String status = messages.get(statusKey);
        int width = 0;
        for (String key : new String[] {"status.passed", "status.skipped", "status.failed"}) {
            width = Math.max(width, displayWidth(messages.get(key)));
        }
        out.printf("  %3d  %s%s  %s%n", count, status, " ".repeat(width - displayWidth(status)), line);
    }

    private static int displayWidth(String text) {
        return text.codePoints().map(c -> c >= 0x1100 ? 2 : 1).sum();
    }

    private synchronized void summary() {
        out.println();
        out.println(messages.get("summary", passed, failures.size(), skips.size()));
        if (!failures.isEmpty()) {
            out.println(messages.get("summary.failed"));
            failures.forEach(f -> out.println("  - " + f));
        }
        if (!skips.isEmpty()) {
            out.println(messages.get("summary.skipped"));
            skips.forEach(s -> out.println("  - " + s));
        }
        if (!undefined.isEmpty()) {
            out.println(messages.get("summary.undefined"));
            undefined.forEach(u -> out.println("  - " + u));
        }
        out.flush();
    }

    /** "PinSteps.iEnterAWrongPinTimes" from Cucumber's "dev.mynasim.glue.steps.PinSteps.iEnterAWrongPinTimes(…)". */
    private static String methodOf(String location) {
        String method = location.contains("(") ? location.substring(0, location.indexOf('(')) : location;
        int classStart = method.lastIndexOf('.', method.lastIndexOf('.') - 1);
        return method.substring(classStart + 1);
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
