package dev.mynasim.glue.steps;

import io.cucumber.java.After;
import io.cucumber.java.Scenario;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * With {@code check --trace DIR} ({@link ScenarioSettings#traceDir()}): writes each scenario's trace (PINs masked) to
 * {@code DIR/<feature>-<line>-<scenario>.trace}, the format {@code mynasim replay} reads.
 */
public class TraceFiles {

    private final CardWorld world;

    public TraceFiles(CardWorld world) {
        this.world = world;
    }

    /** Runs before Hooks closes the card (higher order runs first for @After). */
    @After(order = 20000)
    public void writeTrace(Scenario scenario) {
        Optional<Path> dir = world.settings().traceDir();
        String trace = world.trace().render();
        if (dir.isEmpty() || trace.isEmpty()) {
            return;
        }
        Path file = dir.get().resolve(fileName(scenario.getUri(), scenario.getLine(), scenario.getName()));
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
        // features/ja/pins.feature and features/pins.feature are twins: the language folder keeps their traces apart.
        String folder = path.lastIndexOf('/') > 0 ? path.substring(path.lastIndexOf('/', path.lastIndexOf('/') - 1) + 1, path.lastIndexOf('/')) : "";
        String prefix = folder.matches("[a-z]{2}") ? folder + "-" : "";
        // File names stay ASCII: a Japanese scenario name leaves no slug, and the line tells scenarios apart.
        String slug = scenario.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        if (slug.length() > 60) {
            slug = slug.substring(0, 60);
        }
        return prefix + featureName + "-" + line + (slug.isEmpty() ? "" : "-" + slug) + ".trace";
    }
}
