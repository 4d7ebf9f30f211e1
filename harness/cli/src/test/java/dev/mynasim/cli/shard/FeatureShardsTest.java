package dev.mynasim.cli.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Shards of the real features/ folder: each feature in exactly one shard, the same split every time, balanced. */
class FeatureShardsTest {

    private static final Path HOME = Path.of(".").toAbsolutePath().normalize();
    private static final List<FeatureShards.Feature> FEATURES =
            FeatureShards.discover(List.of(HOME.resolve("features")), HOME, Optional.empty());

    @Test
    void everyFeatureIsInExactlyOneShardForAnyShardCount() {
        int withScenarios = (int) FEATURES.stream().filter(f -> f.scenarios() > 0).count();
        assertTrue(withScenarios > 3, "the suite has features to split");
        for (int count = 1; count <= withScenarios + 2; count++) {
            Set<String> seen = new HashSet<>();
            int total = 0;
            for (int index = 1; index <= count; index++) {
                for (FeatureShards.Feature feature : FeatureShards.select(FEATURES, new Shard(index, count), Timings.none())) {
                    assertTrue(seen.add(feature.key()), feature.key() + " is in two shards of " + count);
                    total++;
                }
            }
            assertEquals(withScenarios, total, "all features across " + count + " shards");
        }
    }

    @Test
    void theSplitIsTheSameOnEveryCallAndKeepsPathOrderInsideAShard() {
        List<FeatureShards.Feature> first = FeatureShards.select(FEATURES, new Shard(2, 3), Timings.none());
        assertEquals(first, FeatureShards.select(List.copyOf(FEATURES), new Shard(2, 3), Timings.none()));
        List<String> keys = first.stream().map(FeatureShards.Feature::key).toList();
        assertEquals(keys.stream().sorted().toList(), keys);
    }

    @Test
    void countsAreBalancedWithoutTimings() {
        int total = FEATURES.stream().mapToInt(FeatureShards.Feature::scenarios).sum();
        int largest = FEATURES.stream().mapToInt(FeatureShards.Feature::scenarios).max().orElseThrow();
        for (int index = 1; index <= 3; index++) {
            int scenarios = FeatureShards.select(FEATURES, new Shard(index, 3), Timings.none()).stream()
                    .mapToInt(FeatureShards.Feature::scenarios).sum();
            assertTrue(Math.abs(scenarios - total / 3.0) <= largest, "shard " + index + " has " + scenarios + " of " + total);
        }
    }

    @Test
    void aSlowFeatureInTheTimingsGetsAShardOfItsOwn() {
        String slow = FEATURES.get(FEATURES.size() - 1).key();
        Map<String, Double> seconds = new java.util.HashMap<>();
        FEATURES.forEach(feature -> seconds.put(feature.key(), 1.0));
        seconds.put(slow, 1000.0);
        Timings timings = new Timings(seconds);
        List<List<String>> shards = new ArrayList<>();
        for (int index = 1; index <= 3; index++) {
            shards.add(FeatureShards.select(FEATURES, new Shard(index, 3), timings).stream().map(FeatureShards.Feature::key).toList());
        }
        assertTrue(shards.contains(List.of(slow)), "the 1000-second feature is alone: " + shards);
    }

    @Test
    void aMalformedShardOrTimingsFileIsRefusedByName(@TempDir Path dir) throws Exception {
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("0/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("4/3"));
        assertThrows(IllegalArgumentException.class, () -> Shard.parse("two/3"));
        Path bad = Files.writeString(dir.resolve("timings.json"), "{\"format\": 1, \"features\": {\"a.feature\": \"slow\"}}");
        IllegalArgumentException refused = assertThrows(IllegalArgumentException.class, () -> Timings.read(bad));
        assertTrue(refused.getMessage().contains("features.a.feature"), refused.getMessage());
    }

    @Test
    void timingsRoundTrip(@TempDir Path dir) throws Exception {
        Timings timings = new Timings(Map.of("features/pins.feature", 2.5));
        timings.write(dir.resolve("t.json"));
        assertEquals(Optional.of(2.5), Timings.read(dir.resolve("t.json")).seconds("features/pins.feature"));
    }
}
