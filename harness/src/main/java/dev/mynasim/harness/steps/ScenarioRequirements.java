package dev.mynasim.harness.steps;

import dev.mynasim.harness.backend.Backends;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import org.opentest4j.TestAbortedException;

/**
 * Skips, with the reason in the report, the scenarios the configured reader cannot run. A skip is
 * never silent: the reason names the tag and what the reader lacks.
 *
 * <ul>
 * <li>{@code @raw-cla}: sends CLA bytes with logical-channel bits. javax.smartcardio rewrites those
 * bits on the basic channel, so through PC/SC (vpcd or a real reader) the card never sees them.</li>
 * </ul>
 */
public class ScenarioRequirements {

    @Before(order = 0)
    public void skipWhatTheReaderCannotRun(Scenario scenario) {
        String reader = Backends.configuredReader();
        boolean throughPcsc = !reader.equalsIgnoreCase("sim");
        if (scenario.getSourceTagNames().contains("@raw-cla") && throughPcsc) {
            throw new TestAbortedException("@raw-cla: on reader '" + reader + "' the command goes through"
                    + " javax.smartcardio, which clears the logical-channel bits of the CLA; run it with --reader sim");
        }
    }
}
