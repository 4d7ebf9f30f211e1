package dev.mynasim.cli.shard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.cli.MynasimCommand;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two shards of two feature files, run by {@code check}, then merged: every scenario exactly once. */
class ShardMergeTest {

    private static final Pattern TESTCASE = Pattern.compile("<testcase classname=\"([^\"]*)\" name=\"([^\"]*)\"");

    @Test
    void twoShardsCoverEveryScenarioOnceAndMergeIntoOneReport(@TempDir Path dir) throws Exception {
        String[] features = {"features/expiry.feature", "features/card_presence.feature"};
        List<String> cases = new ArrayList<>();
        for (int shard = 1; shard <= 2; shard++) {
            List<String> args = new ArrayList<>(List.of("check", "--shard", shard + "/2", "--report-dir",
                    dir.resolve("shard-" + shard).toString()));
            args.addAll(List.of(features));
            assertEquals(0, MynasimCommand.commandLine().execute(args.toArray(String[]::new)), "shard " + shard);
            List<String> shardCases = testCases(dir.resolve("shard-" + shard).resolve(ShardReports.JUNIT));
            assertTrue(!shardCases.isEmpty(), "shard " + shard + " ran something: two features, two shards");
            cases.addAll(shardCases);
        }
        Set<String> distinct = new HashSet<>(cases);
        assertEquals(cases.size(), distinct.size(), "no scenario ran in both shards: " + cases);

        Path merged = dir.resolve("merged");
        assertEquals(0, MynasimCommand.commandLine().execute("check", "--merge", dir.resolve("shard-1").toString(),
                dir.resolve("shard-2").toString(), "--report-dir", merged.toString()));
        List<String> mergedCases = testCases(merged.resolve(ShardReports.JUNIT));
        assertEquals(distinct, new HashSet<>(mergedCases), "the merged JUnit XML has every shard's scenarios");
        assertEquals(cases.size(), mergedCases.size());
        assertTrue(Files.size(merged.resolve(ShardReports.HTML)) > 0);
        assertTrue(Timings.read(merged.resolve(ShardReports.TIMINGS)).seconds("features/expiry.feature").isPresent());
    }

    private static List<String> testCases(Path junit) throws Exception {
        List<String> names = new ArrayList<>();
        Matcher matcher = TESTCASE.matcher(Files.readString(junit));
        while (matcher.find()) {
            names.add(matcher.group(1) + " / " + matcher.group(2));
        }
        return names;
    }
}
