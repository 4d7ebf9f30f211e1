package dev.mynasim.glue.steps;

import dev.mynasim.client.backend.Backends;
import io.cucumber.java.Before;
import io.cucumber.java.Scenario;
import java.util.Collection;
import org.opentest4j.TestAbortedException;

/**
 * Skips, with the reason in the report, the scenarios the configured reader cannot run, and hands the
 * scenario's tags to the card guard. A skip is never silent: the reason names the tag and what the
 * reader lacks.
 *
 * <ul>
 * <li>{@code @raw-cla}: sends CLA bytes with logical-channel bits. javax.smartcardio rewrites those
 * bits on the basic channel, so through PC/SC (vpcd or a real reader) the card never sees them.</li>
 * <li>{@code @sim-only}: needs control over the simulator (pulling the card, faults, latency, the
 * clock), which exists on {@code sim} and {@code vpcd}, not on a PC/SC reader.</li>
 * <li>{@code @in-process}: needs the card in this JVM with no reader in between (faults a real reader
 * would turn into its own timeouts, reader profiles): {@code sim} only.</li>
 * <li>{@code @destructive}: may lock, change or reset a PIN. The guard refuses it, once the card is
 * identified, on any card that is not a MynaSim virtual card unless {@code --allow-destructive}.</li>
 * </ul>
 */
public class ScenarioRequirements {

    private final CardWorld world;

    public ScenarioRequirements(CardWorld world) {
        this.world = world;
    }

    @Before(order = 0)
    public void skipWhatTheReaderCannotRun(Scenario scenario) {
        String reader = world.settings().reader();
        Collection<String> tags = scenario.getSourceTagNames();
        world.setScenarioTags(tags);
        boolean throughPcsc = world.settings().throughPcsc();
        if (tags.contains("@raw-cla") && throughPcsc) {
            throw new TestAbortedException("@raw-cla: on reader '" + reader + "' the command goes through"
                    + " javax.smartcardio, which clears the logical-channel bits of the CLA; run it with --reader sim");
        }
        if (tags.contains("@sim-only") && !Backends.isSimulated(reader)) {
            throw new TestAbortedException("@sim-only: reader '" + reader + "' is a plain PC/SC reader; this scenario"
                    + " needs the simulator's controls (removal, faults, latency); run it with --reader sim or vpcd");
        }
        if (tags.contains("@in-process") && throughPcsc) {
            throw new TestAbortedException("@in-process: on reader '" + reader + "' pcscd stands between the harness"
                    + " and the card, and this scenario needs the card in this JVM; run it with --reader sim");
        }
    }
}
