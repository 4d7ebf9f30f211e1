package dev.mynasim.cli;

import dev.mynasim.client.backend.Backends;
import dev.mynasim.cli.report.ProgressReporter;
import dev.mynasim.glue.steps.TraceFiles;
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

    @Option(names = "--tags", paramLabel = "EXPR", description = "Only scenarios matching this tag expression, e.g. \"not @destructive\".")
    String tags;

    @Mixin
    ReaderOption reader = new ReaderOption();

    @Option(names = "--allow-destructive",
            description = "Run @destructive scenarios (they may lock, change or reset a PIN) even on a card that is not a"
                    + " MynaSim virtual card. The guard still never sends a VERIFY that could spend a PIN's last try.")
    boolean allowDestructive;

    @Option(names = "--trace", paramLabel = "DIR",
            description = "Also write each scenario's APDU trace (PINs masked) to DIR, one file per scenario, for mynasim replay.")
    Path traceDir;

    @Option(names = "--report-dir", paramLabel = "DIR", description = "Where the reports go. Default: target/mynasim-report under the MynaSim checkout.")
    Path reportDir;

    @Parameters(paramLabel = "FEATURE", arity = "0..*", description = "Feature files or folders (default: the features/ folder).")
    List<Path> features = new ArrayList<>();

    @Override
    public Integer call() throws Exception {
        Path reports = (reportDir == null ? ProjectHome.get().resolve("target").resolve("mynasim-report") : reportDir)
                .toAbsolutePath().normalize();
        Files.createDirectories(reports);
        System.setProperty(Backends.READER_PROPERTY, reader.name());
        System.setProperty(Backends.ALLOW_DESTRUCTIVE_PROPERTY, Boolean.toString(allowDestructive));
        System.setProperty("cucumber.publish.quiet", "true");
        if (traceDir != null) {
            Files.createDirectories(traceDir);
            System.setProperty(TraceFiles.TRACE_DIR_PROPERTY, traceDir.toAbsolutePath().normalize().toString());
        }

        List<String> args = new ArrayList<>(List.of(
                "--glue", "dev.mynasim.glue.steps",
                "--plugin", ProgressReporter.class.getName(),
                "--plugin", "html:" + reports.resolve("cucumber.html"),
                "--plugin", "junit:" + reports.resolve("cucumber.xml"),
                "--plugin", "message:" + reports.resolve("cucumber.ndjson"),
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
        System.out.println("MynaSim check on reader \"" + reader.name() + "\"");
        byte status = io.cucumber.core.cli.Main.run(args.toArray(String[]::new), Thread.currentThread().getContextClassLoader());
        System.out.println("Report: " + reports.resolve("cucumber.html"));
        System.out.println("JUnit XML: " + reports.resolve("cucumber.xml"));
        if (traceDir != null) {
            System.out.println("Traces: " + traceDir.toAbsolutePath().normalize());
        }
        return status == 0 ? 0 : 1;
    }
}
