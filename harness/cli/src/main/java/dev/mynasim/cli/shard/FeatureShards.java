package dev.mynasim.cli.shard;

import io.cucumber.gherkin.GherkinParser;
import io.cucumber.messages.types.Envelope;
import io.cucumber.messages.types.Pickle;
import io.cucumber.messages.types.PickleTag;
import io.cucumber.tagexpressions.Expression;
import io.cucumber.tagexpressions.TagExpressionParser;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Splits the suite into shards by whole feature files, so that each feature's report comes from one
 * shard and the shards' reports merge without overlap. Deterministic: features are taken in path
 * order and placed longest first (by the timings file, else by scenario count) on the least loaded
 * shard, the lowest-numbered on a tie; each shard then runs its features in path order.
 */
public final class FeatureShards {

    /** A feature file, its key in the timings file, and how many of its scenarios the tag expression selects. */
    public record Feature(Path path, String key, int scenarios) {
    }

    private FeatureShards() {
    }

    /** Every .feature file under the given files and folders, in path order, with its selected scenario count. */
    public static List<Feature> discover(List<Path> roots, Path home, Optional<String> tags) {
        Optional<Expression> selection = tags.map(TagExpressionParser::parse);
        List<Path> files = new ArrayList<>();
        for (Path root : roots) {
            if (Files.isDirectory(root)) {
                try (Stream<Path> walk = Files.walk(root)) {
                    walk.filter(path -> path.toString().endsWith(".feature")).forEach(files::add);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot list the features in " + root, e);
                }
            } else {
                files.add(root);
            }
        }
        files.sort(Comparator.comparing(FeatureShards::key));
        GherkinParser parser = GherkinParser.builder().includeSource(false).includeGherkinDocument(false).build();
        List<Feature> features = new ArrayList<>();
        for (Path file : files) {
            Path absolute = file.toAbsolutePath().normalize();
            try (Stream<Envelope> envelopes = parser.parse(absolute)) {
                int scenarios = (int) envelopes.flatMap(envelope -> envelope.getPickle().stream())
                        .filter(pickle -> selection.map(expression -> expression.evaluate(tagNames(pickle))).orElse(true))
                        .count();
                features.add(new Feature(absolute, key(home, absolute), scenarios));
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the feature file " + file, e);
            }
        }
        return features;
    }

    private static List<String> tagNames(Pickle pickle) {
        return pickle.getTags().stream().map(PickleTag::getName).toList();
    }

    private static String key(Path path) {
        return path.toAbsolutePath().normalize().toString();
    }

    /** The path relative to the checkout (the same on every CI machine), else the absolute path. */
    public static String key(Path home, Path absolute) {
        Path base = home.toAbsolutePath().normalize();
        return (absolute.startsWith(base) ? base.relativize(absolute) : absolute).toString().replace('\\', '/');
    }

    /**
     * The features of one shard, in path order. Weights: seconds from the timings when it knows the
     * feature (a feature it does not know counts its scenarios at the known features' mean), else scenarios.
     */
    public static List<Feature> select(List<Feature> features, Shard shard, Timings timings) {
        List<Feature> candidates = features.stream().filter(feature -> feature.scenarios() > 0).toList();
        double perScenario = timings.secondsPerScenario(candidates).orElse(1.0);
        List<Integer> order = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            order.add(i);
        }
        double[] weights = candidates.stream()
                .mapToDouble(feature -> timings.seconds(feature.key()).orElse(feature.scenarios() * perScenario)).toArray();
        order.sort(Comparator.<Integer>comparingDouble(i -> -weights[i]).thenComparing(i -> candidates.get(i).key()));
        double[] load = new double[shard.count()];
        int[] owner = new int[candidates.size()];
        for (int i : order) {
            int least = 0;
            for (int s = 1; s < load.length; s++) {
                if (load[s] < load[least]) {
                    least = s;
                }
            }
            owner[i] = least;
            load[least] += weights[i];
        }
        List<Feature> mine = new ArrayList<>();
        for (int i = 0; i < candidates.size(); i++) {
            if (owner[i] == shard.index() - 1) {
                mine.add(candidates.get(i));
            }
        }
        return mine;
    }
}
