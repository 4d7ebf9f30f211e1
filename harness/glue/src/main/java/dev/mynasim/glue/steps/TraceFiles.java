package dev.mynasim.glue.steps;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * With {@code check --trace DIR}: writes each scenario's trace (PINs masked) to
 * {@code DIR/<feature>-<line>-<scenario>.trace}, the format {@code mynasim replay} reads.
 */
public class TraceFiles {

    public static final String TRACE_DIR_PROPERTY = "mynasim.traceDir";

    private final CardWorld world;

    public TraceFiles(CardWorld world) {
        this.world = world;
    }

    /** Runs before Hooks closes the card (higher order runs first for @After). */
    @After(order = 20000)
    public void writeTrace(Scenario scenario) {
        String dir = System.getProperty(TRACE_DIR_PROPERTY);
        String trace = world.trace().render();
        if (dir == null || dir.isBlank() || trace.isEmpty()) {
            return;
        }
        Path file = Path.of(dir).resolve(fileName(scenario.getUri(), scenario.getLine(), scenario.getName()));
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, "# scenario: " + scenario.getName() + System.lineSeparator()
                    + "# status: " + scenario.getStatus() + System.lineSeparator() + trace, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the trace " + file + ": " + e.getMessage(), e);
        }
    }

    static String fileName(URI feature, Integer line, String scenario) {
        String path = feature.getPath() == null ? feature.toString() : feature.getPath();
        String featureName = path.substring(path.lastIndexOf('/') + 1).replaceFirst("\\.feature$", "");
        String slug = scenario.toLowerCase().replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60);
        }
        return featureName + "-" + line + "-" + slug + ".trace";
    }
}
