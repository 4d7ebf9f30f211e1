package dev.mynasim.glue.steps;

import dev.mynasim.glue.run.ScenarioRun;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.EventPublisher;
import io.cucumber.plugin.event.PickleStepTestStep;
import io.cucumber.plugin.event.Status;
import io.cucumber.plugin.event.TestStepFinished;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs Cucumber on feature files (for real, or as a dry run that only matches steps) and records, for
 * each step, the step method it reached and its status.
 */
final class StepMatches {

    /** One step of one scenario: its text, the method it matched (null when undefined) and its status. */
    record Match(String text, String method, Status status) {
    }

    /** The Cucumber plugin, handed to the run as an object. */
    private static final class Recorder implements ConcurrentEventListener {
        private final List<Match> matches = new ArrayList<>();

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

        List<Match> matches() {
            synchronized (matches) {
                return List.copyOf(matches);
            }
        }
    }

    private StepMatches() {
    }

    /** The steps of the features, each with the method it matched; a dry run executes nothing. */
    static Result run(boolean dryRun, Path... features) {
        List<String> args = new ArrayList<>(List.of("--glue", "dev.mynasim.glue.steps", "--monochrome", "--no-summary"));
        if (dryRun) {
            args.add("--dry-run");
        }
        for (Path feature : features) {
            args.add(feature.toString());
        }
        Recorder recorder = new Recorder();
        byte exit = ScenarioRun.run(ScenarioSettings.fromEnvironment(), args, List.of(recorder));
        return new Result(exit, recorder.matches());
    }

    record Result(int exitStatus, List<Match> matches) {
    }
}
