package dev.mynasim.cli;

import dev.mynasim.client.backend.Backends;
import dev.mynasim.cli.report.ProgressReporter;
import dev.mynasim.glue.steps.TraceFiles;
import dev.mynasim.fixtures.CardLayout;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mynasim check}: runs the Gherkin features against a card and reports. */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Runs the Gherkin scenarios against the embedded simulator (or --reader) and writes an HTML report and JUnit XML.")
public final class CheckCommand implements Callable<Integer> {

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

    @Mixin
    LanguageOption language = new LanguageOption();

    @Parameters(paramLabel = "FEATURE", converter = OptionValues.ExistingFileOrFolder.class, arity = "0..*", description = "Feature files or folders (default: the features/ folder).")
    List<Path> features = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path reports = (reportDir == null ? ProjectHome.get().resolve("target").resolve("mynasim-report") : reportDir)
                .toAbsolutePath().normalize();
        Files.createDirectories(reports);
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
        System.setProperty(Backends.READER_PROPERTY, reader.name());
        System.setProperty(Backends.ALLOW_DESTRUCTIVE_PROPERTY, Boolean.toString(allowDestructive));
        if (layout != null) {
            System.setProperty(Backends.LAYOUT_PROPERTY, CardLayout.parse(layout).word());
        }
        System.setProperty("cucumber.publish.quiet", "true");
        if (traceDir != null) {
            Files.createDirectories(traceDir);
            System.setProperty(TraceFiles.TRACE_DIR_PROPERTY, traceDir.toAbsolutePath().normalize().toString());
        }

        List<String> args = new ArrayList<>(List.of(
                "--glue", "dev.mynasim.glue.steps",
                "--plugin", ProgressReporter.class.getName(),
                "--plugin", "html:" + next.resolve(ReportFolder.HTML),
                "--plugin", "junit:" + next.resolve(ReportFolder.JUNIT),
                "--plugin", "message:" + next.resolve(ReportFolder.MESSAGES),
                "--monochrome", "--no-summary"));
        if (tags != null) {
            args.add("--tags");
            args.add(tags);
        }
        if (features.isEmpty()) {
            Path defaultFeatures = ProjectHome.features();
            if (!Files.isDirectory(defaultFeatures)) {
                throw new IllegalArgumentException("no features/ folder at " + defaultFeatures
                        + "; run from the MynaSim checkout or name the feature files");
            }
            args.add(defaultFeatures.toString());
        } else {
            for (Path feature : features) {
                if (!Files.exists(feature)) {
                    throw new IllegalArgumentException("no such feature file or folder: " + feature);
                }
                args.add(feature.toAbsolutePath().toString());
            }
        }
        System.out.println(messages.get("check.start", reader.name()) + (layout == null ? "" : ", card layout " + layout));
        byte status = io.cucumber.core.cli.Main.run(args.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
        ReportFolder.Outcome outcome = ReportFolder.check(next);
        if (!outcome.complete()) {
            System.err.println("check: the run did not complete (" + outcome.problem() + "); the reports in " + reports
                    + " were left as they were");
            return MynasimCommand.FAILED;
        }
        ReportFolder.moveInto(next, reports);
        System.out.println(messages.get("check.report", reports.resolve(ReportFolder.HTML).toString()));
        System.out.println(messages.get("check.junit", reports.resolve(ReportFolder.JUNIT).toString()));
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
}
