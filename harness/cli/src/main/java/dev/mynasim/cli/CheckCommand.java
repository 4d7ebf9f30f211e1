package dev.mynasim.cli;

import dev.mynasim.client.backend.VpcdBackend;
import dev.mynasim.glue.run.ScenarioRun;
import dev.mynasim.simulator.vpcd.VpcdBridge;
import dev.mynasim.glue.steps.ScenarioSettings;
import dev.mynasim.cli.report.ProgressReporter;
import dev.mynasim.cli.shard.FeatureShards;
import dev.mynasim.cli.shard.Shard;
import dev.mynasim.cli.shard.ShardReports;
import dev.mynasim.cli.shard.Timings;
import dev.mynasim.fixtures.CardLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mynasim check}: runs the Gherkin features against a card and reports. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Runs the Gherkin scenarios against the embedded simulator (or --reader) and writes an HTML report and JUnit XML.")
public final class CheckCommand implements Callable<Integer> {

    /**
     * The vpcd bridges log each connect, removal and insertion at INFO, which {@code serve} wants; a check
     * prints one line per scenario instead, so only their warnings show. Held in a field: java.util.logging
     * keeps loggers weakly, and a collected one forgets its level.
     */
    private static final Logger BRIDGE_LOG = Logger.getLogger(VpcdBridge.class.getName());

    @Option(names = "--tags", converter = OptionValues.Text.class, paramLabel = "EXPR", description = "Only scenarios matching this tag expression, e.g. \"not @destructive\".")
    String tags;

    @Mixin
    ReaderOption reader = new ReaderOption();

    @Option(names = "--layout", converter = OptionValues.LayoutName.class, paramLabel = "NAME",
            description = "Card layout of the virtual cards (short-form, long-form; docs/card-choices.md, \"Card layouts\")."
                    + " Default: each persona file's layout. Scenarios that name a layout keep theirs.")
    String layout;

    @Option(names = "--allow-destructive",
            description = "Run @destructive scenarios (they may lock, change or reset a PIN) even on a card that is not a"
                    + " MynaSim virtual card. The guard still never sends a VERIFY that could spend a PIN's last try.")
    boolean allowDestructive;

    @Option(names = "--trace", converter = OptionValues.Folder.class, paramLabel = "DIR",
            description = "Also write each scenario's APDU trace (PINs masked) to DIR, one file per scenario, for mynasim replay.")
    Path traceDir;

    @Option(names = "--report-dir", converter = OptionValues.Folder.class, paramLabel = "DIR", description = "Where the reports go. Default: target/mynasim-report under the MynaSim checkout.")
    Path reportDir;

    @Option(names = "--threads", converter = OptionValues.Threads.class, paramLabel = "N",
            description = "Scenarios run at once on the in-process simulator (each has its own card); the lines still come"
                    + " in feature order. Default: the number of cores. On vpcd at most one scenario per vpcd reader (two),"
                    + " on a physical reader one at a time, whatever this says.")
    Integer threads;

    @Option(names = "--shard", converter = OptionValues.ShardOf.class, paramLabel = "I/N",
            description = "Run only shard I of N (whole feature files, the same split on every machine), for CI matrices."
                    + " See also --timings and --merge.")
    String shard;

    @Option(names = "--timings", converter = OptionValues.ExistingFile.class, paramLabel = "FILE",
            description = "Balance --shard by the seconds per feature in FILE (the timings.json a check run writes"
                    + " beside its reports); without it, by scenario count.")
    Path timingsFile;

    @Option(names = "--merge", converter = OptionValues.ExistingFileOrFolder.class, paramLabel = "DIR", arity = "1..*",
            description = "Run nothing: merge the report folders of shard runs into one HTML report, one JUnit XML and"
                    + " one timings file in --report-dir.")
    List<Path> mergeDirs;

    @Mixin
    LanguageOption language = new LanguageOption();

    @Parameters(paramLabel = "FEATURE", converter = OptionValues.ExistingFileOrFolder.class, arity = "0..*", description = "Feature files or folders (default: the features/ folder).")
    List<Path> features = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path reports = (reportDir == null ? ProjectHome.get().resolve("target").resolve("mynasim-report") : reportDir)
                .toAbsolutePath().normalize();
        Files.createDirectories(reports);
        if (mergeDirs != null) {
            return merge(reports);
        }
        // The run writes into a new folder; the reports in place are replaced only by complete ones.
        Path next = Files.createTempDirectory(reports, ".next-");
        try {
            return run(reports, next);
        } finally {
            ReportFolder.deleteQuietly(next);
        }
    }

    private Integer run(Path reports, Path next) throws Exception {
        Messages messages = language.messages();
        BRIDGE_LOG.setLevel(Level.WARNING);
        Optional<Path> traces = Optional.ofNullable(traceDir).map(dir -> dir.toAbsolutePath().normalize());
        if (traces.isPresent()) {
            Files.createDirectories(traces.get());
        }
        ScenarioSettings settings = new ScenarioSettings(reader.name(), Optional.ofNullable(layout).map(CardLayout::parse),
                allowDestructive, traces);

        List<String> args = new ArrayList<>(List.of(
                "--glue", "dev.mynasim.glue.steps",
                "--plugin", "html:" + next.resolve(ReportFolder.HTML),
                "--plugin", "junit:" + next.resolve(ReportFolder.JUNIT),
                "--plugin", "message:" + next.resolve(ReportFolder.MESSAGES),
                "--monochrome", "--no-summary"));
        if (tags != null) {
            args.add("--tags");
            args.add(tags);
        }
        int parallel = scenariosAtOnce();
        if (parallel > 1) {
            args.add("--threads");
            args.add(Integer.toString(parallel));
        }
        String start = messages.get("check.start", reader.name()) + (layout == null ? "" : ", card layout " + layout);
        List<Path> roots = featureRoots();
        if (shard == null) {
            roots.forEach(root -> args.add(root.toString()));
            System.out.println(start);
        } else {
            Shard share = Shard.parse(shard);
            Timings timings = timingsFile == null ? Timings.none() : Timings.read(timingsFile);
            List<FeatureShards.Feature> all = FeatureShards.discover(roots, ProjectHome.get(), java.util.Optional.ofNullable(tags));
            List<FeatureShards.Feature> mine = FeatureShards.select(all, share, timings);
            int scenarios = mine.stream().mapToInt(FeatureShards.Feature::scenarios).sum();
            System.out.println(start + ", shard " + share + ": " + mine.size()
                    + " feature files, " + scenarios + " scenarios (balanced by "
                    + (timingsFile == null ? "scenario count" : "the timings in " + timingsFile) + ")");
            if (mine.isEmpty()) {
                // Still a report, so that a CI matrix collects N outputs and the merge accounts for this shard.
                ShardReports.write(List.of(), reports);
                System.out.println("Shard " + share + " has no scenarios: " + all.stream().filter(f -> f.scenarios() > 0).count()
                        + " feature files with selected scenarios for " + share.count() + " shards. Nothing to run.");
                System.out.println(messages.get("check.junit", reports.resolve(ShardReports.JUNIT).toString()));
                return 0;
            }
            mine.forEach(feature -> args.add(feature.path().toString()));
        }
        byte status = ScenarioRun.run(settings, args, List.of(new ProgressReporter(messages)));
        ReportFolder.Outcome outcome = ReportFolder.check(next);
        if (!outcome.complete()) {
            System.err.println("check: the run did not complete (" + outcome.problem() + "); the reports in " + reports
                    + " were left as they were");
            return MynasimCommand.FAILED;
        }
        ReportFolder.moveInto(next, reports);
        ShardReports.timings(reports.resolve(ShardReports.MESSAGES), ProjectHome.get()).write(reports.resolve(ShardReports.TIMINGS));
        System.out.println(messages.get("check.report", reports.resolve(ReportFolder.HTML).toString()));
        System.out.println(messages.get("check.junit", reports.resolve(ReportFolder.JUNIT).toString()));
        System.out.println("Timings (for --shard --timings): " + reports.resolve(ShardReports.TIMINGS));
        if (traceDir != null) {
            System.out.println(messages.get("check.traces", traceDir.toAbsolutePath().normalize().toString()));
        }
        if (outcome.scenarios() == 0) {
            System.err.println("check: no scenario matched" + (tags == null ? "" : " the tag expression \"" + tags + "\"")
                    + " in the features given (" + outcome.scenarios() + " run)");
            return MynasimCommand.FAILED;
        }
        return status == 0 ? 0 : 1;
    }

    /**
     * How many scenarios run at once: on sim each has its own card, so {@code --threads} (default: the cores);
     * on vpcd each holds one of pcscd's vpcd readers for its whole run, so no more than the usable slots;
     * on a physical reader one, whatever {@code --threads} says.
     */
    private int scenariosAtOnce() {
        int asked = threads != null ? threads : Runtime.getRuntime().availableProcessors();
        String name = reader.name().toLowerCase(Locale.ROOT);
        if (name.equals(ReaderOption.SIM)) {
            return asked;
        }
        int readers = name.equals("vpcd") ? Math.max(1, VpcdBackend.usableSlots().size()) : 1;
        if (threads != null && threads > readers) {
            System.out.println("--threads " + threads + ": the reader \"" + reader.name() + "\" holds "
                    + (readers == 1 ? "one card, so its scenarios run one at a time" : readers + " cards, so " + readers + " scenarios run at once"));
        }
        return Math.min(asked, readers);
    }

    private List<Path> featureRoots() {
        if (features.isEmpty()) {
            Path defaultFeatures = ProjectHome.features();
            if (!Files.isDirectory(defaultFeatures)) {
                throw new IllegalArgumentException("no features/ folder at " + defaultFeatures
                        + "; run from the MynaSim checkout or name the feature files");
            }
            return new ArrayList<>(List.of(defaultFeatures));
        }
        List<Path> roots = new ArrayList<>();
        for (Path feature : features) {
            if (!Files.exists(feature)) {
                throw new IllegalArgumentException("no such feature file or folder: " + feature);
            }
            roots.add(feature.toAbsolutePath());
        }
        return roots;
    }

    private int merge(Path reports) throws java.io.IOException {
        if (shard != null || !features.isEmpty()) {
            throw new IllegalArgumentException("--merge runs nothing: give it the shard report folders, without --shard or feature files");
        }
        ShardReports.Summary summary = ShardReports.merge(mergeDirs, reports, ProjectHome.get());
        System.out.println("Merged " + summary.shards() + " shard reports: " + summary.scenarios() + " scenarios, "
                + summary.failed() + " failed");
        System.out.println("Report: " + reports.resolve(ShardReports.HTML));
        System.out.println("JUnit XML: " + reports.resolve(ShardReports.JUNIT));
        return summary.failed() == 0 ? 0 : 1;
    }
}
