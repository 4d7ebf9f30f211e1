package dev.mynasim.glue.steps;

import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestStepFinished;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs Cucumber on feature files (for real, or as a dry run that only matches steps) and records, for
 * each step, the step method it reached and its status. Cucumber creates its plugins itself, so the
 * plugin hands its records over through a map keyed by the run's id.
 */
final class StepMatches {

    /** One step of one scenario: its text, the method it matched (null when undefined) and its status. */
    record Match(String text, String method, Status status) {
    }

    private static final Map<String, List<Match>> RUNS = new ConcurrentHashMap<>();

    /** The Cucumber plugin; its argument is the run's id. */
    public static final class Recorder implements ConcurrentEventListener {
        private final List<Match> matches;

        public Recorder(String runId) {
            this.matches = RUNS.computeIfAbsent(runId, k -> new ArrayList<>());
        }

        @Override
        public void setEventPublisher(EventPublisher publisher) {
            publisher.registerHandlerFor(TestStepFinished.class, event -> {
                if (event.getTestStep() instanceof PickleStepTestStep step) {
                    String location = step.getCodeLocation();
                    String method = location == null ? null : location.substring(0, location.indexOf('('));
                    synchronized (matches) {
                        matches.add(new Match(step.getStep().getText(), method, event.getResult().getStatus()));
                    }
                }
            });
        }
    }

    private StepMatches() {
    }

    /** The steps of the features, each with the method it matched; a dry run executes nothing. */
    static Result run(boolean dryRun, Path... features) {
        String runId = java.util.UUID.randomUUID().toString();
        List<String> args = new ArrayList<>(List.of("--glue", "dev.mynasim.glue.steps", "--monochrome", "--no-summary",
                "--plugin", Recorder.class.getName() + ":" + runId));
        if (dryRun) {
            args.add("--dry-run");
        }
        for (Path feature : features) {
            args.add(feature.toString());
        }
        System.setProperty("cucumber.publish.quiet", "true");
        byte exit = io.cucumber.core.cli.Main.run(args.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
        List<Match> matches = RUNS.remove(runId);
        return new Result(exit, matches == null ? List.of() : List.copyOf(matches));
    }

    record Result(int exitStatus, List<Match> matches) {
    }
}
