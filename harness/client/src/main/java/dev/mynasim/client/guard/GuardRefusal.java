package dev.mynasim.client.guard;

import org.opentest4j.TestAbortedException;

/**
 * The guard would not send a command (or run a scenario) because it could lock or change a card that
 * is not a MynaSim virtual card. It is an aborted test, not a failure: Cucumber reports the scenario
 * as skipped with this message as the reason, and {@code mynasim replay} reports the line as skipped.
 */
public final class GuardRefusal extends TestAbortedException {

    private static final long serialVersionUID = 1L;

    public GuardRefusal(String reason) {
        super(reason);
    }
}
