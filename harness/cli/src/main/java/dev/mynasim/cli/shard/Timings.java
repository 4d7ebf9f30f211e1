package dev.mynasim.cli.shard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Seconds per feature file from an earlier run, {@code timings.json}: {@code {"format": 1, "features":
 * {"features/pins.feature": 2.41, ...}}}, keyed by the path relative to the checkout. {@code check}
 * writes it next to its reports; shards given the same file agree on the split.
 */
public final class Timings {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int FORMAT = 1;

    private final Map<String, Double> seconds;

    public Timings(Map<String, Double> seconds) {
        this.seconds = new TreeMap<>(seconds);
    }

    public static Timings none() {
        return new Timings(Map.of());
    }

    /** Reads a timings file; one that is not one is refused by name and field. */
    public static Timings read(Path file) {
        JsonNode root;
        try {
            root = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new IllegalArgumentException("--timings " + file + ": not readable JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        if (root == null || !root.path("format").canConvertToInt() || root.path("format").asInt() != FORMAT
                || !root.path("features").isObject()) {
            throw new IllegalArgumentException("--timings " + file + ": not a MynaSim timings file (expected \"format\": 1 and a \"features\" object)");
        }
        Map<String, Double> seconds = new TreeMap<>();
        root.path("features").properties().forEach(entry -> {
            if (!entry.getValue().isNumber() || entry.getValue().asDouble() < 0) {
                throw new IllegalArgumentException("--timings " + file + ": features." + entry.getKey() + " is not a number of seconds");
            }
            seconds.put(entry.getKey(), entry.getValue().asDouble());
        });
        return new Timings(seconds);
    }

    public void write(Path file) throws IOException {
        ObjectNode root = JSON.createObjectNode();
        root.put("format", FORMAT);
        ObjectNode features = root.putObject("features");
        seconds.forEach((key, value) -> features.put(key, Math.round(value * 1000) / 1000.0));
        Files.writeString(file, JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n");
    }

    public Optional<Double> seconds(String featureKey) {
        return Optional.ofNullable(seconds.get(featureKey));
    }

    /** Mean seconds per scenario over the features this file knows, for features it does not. */
    Optional<Double> secondsPerScenario(List<FeatureShards.Feature> features) {
        double total = 0;
        int scenarios = 0;
        for (FeatureShards.Feature feature : features) {
            Double known = seconds.get(feature.key());
            if (known != null) {
                total += known;
                scenarios += feature.scenarios();
            }
        }
        OptionalDouble mean = scenarios == 0 ? OptionalDouble.empty() : OptionalDouble.of(total / scenarios);
        return mean.isPresent() && mean.getAsDouble() > 0 ? Optional.of(mean.getAsDouble()) : Optional.empty();
    }

    public Map<String, Double> asMap() {
        return Map.copyOf(seconds);
    }
}
