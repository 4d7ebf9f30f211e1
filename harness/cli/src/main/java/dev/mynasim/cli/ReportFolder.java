package dev.mynasim.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Element;

/**
 * The reports of one {@code check} run, written into a new folder first and moved over the old
 * ones only when all three are complete (HTML closed, JUnit XML well-formed, the message stream
 * ending with the run's end), so a run that breaks half-way leaves the last good reports.
 */
final class ReportFolder {

    static final String HTML = "cucumber.html";
    static final String JUNIT = "cucumber.xml";
    static final String MESSAGES = "cucumber.ndjson";

    private ReportFolder() {
    }

    /** Whether the run's reports are whole, and how many scenarios they hold. */
    record Outcome(boolean complete, String problem, int scenarios) {
    }

    static Outcome check(Path folder) {
        try {
            Path html = folder.resolve(HTML);
            if (!Files.isRegularFile(html) || !Files.readString(html).stripTrailing().endsWith("</html>")) {
                return new Outcome(false, "the HTML report was not finished", 0);
            }
            Path messages = folder.resolve(MESSAGES);
            List<String> lines = Files.isRegularFile(messages) ? Files.readAllLines(messages) : List.of();
            if (lines.isEmpty() || !lines.get(lines.size() - 1).contains("\"testRunFinished\"")) {
                return new Outcome(false, "the message stream has no end of run", 0);
            }
            if (lines.get(lines.size() - 1).contains("\"exception\"")) {
                return new Outcome(false, "the run ended on an error, e.g. a feature file that does not parse (see above)", 0);
            }
            Path junit = folder.resolve(JUNIT);
            if (!Files.isRegularFile(junit) || Files.size(junit) == 0) {
                return new Outcome(false, "the JUnit XML report is empty", 0);
            }
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            Element suite = factory.newDocumentBuilder().parse(junit.toFile()).getDocumentElement();
            return new Outcome(true, null, Integer.parseInt(suite.getAttribute("tests")));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the new reports in " + folder + ": " + e.getMessage(), e);
        } catch (Exception e) {
            return new Outcome(false, "the JUnit XML report is not well-formed XML", 0);
        }
    }

    /** Each report moved over the old one, atomically (same file system: the new folder is inside the old). */
    static void moveInto(Path from, Path reports) {
        for (String name : List.of(MESSAGES, JUNIT, HTML)) {
            try {
                try {
                    Files.move(from.resolve(name), reports.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(from.resolve(name), reports.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot put the new report " + name + " into " + reports + ": " + e.getMessage(), e);
            }
        }
    }

    static void deleteQuietly(Path folder) {
        try (Stream<Path> files = Files.walk(folder)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // A leftover temporary folder (".next-...") is harmless and named as such.
        }
    }
}
