package dev.mynasim.glue.steps;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import java.nio.charset.StandardCharsets;

/** Attaches each scenario's APDU trace (PINs masked) to the report, then takes the card out. */
public class Hooks {

    private final CardWorld world;

    public Hooks(CardWorld world) {
        this.world = world;
    }

    @After
    public void attachTraceAndClose(Scenario scenario) {
        try {
            String trace = world.trace().render();
            if (!trace.isEmpty()) {
                scenario.attach(trace.getBytes(StandardCharsets.UTF_8), "text/plain", "APDU trace");
            }
        } finally {
            world.closeBackend();
        }
    }
}
