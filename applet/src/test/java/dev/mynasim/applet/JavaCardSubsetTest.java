package dev.mynasim.applet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** Every compiled applet class stays inside the classic Java Card subset (no String, long, java.util, stray allocation, int). */
class JavaCardSubsetTest {
    private static final Path CLASSES = Path.of("target", "classes");

    private static List<Path> appletClasses() throws IOException {
        try (Stream<Path> files = Files.walk(CLASSES)) {
            return files.filter(p -> p.toString().endsWith(".class")).sorted().toList();
        }
    }

    @Test
    void appletClassesStayInsideTheJavaCardSubset() throws IOException {
        List<Path> classes = appletClasses();
        assertTrue(classes.size() >= 9, "found the applet classes: " + classes);
        List<String> violations = new ArrayList<>();
        List<String> builderCallers = new ArrayList<>();
        for (Path file : classes) {
            JavaCardSubsetChecker checker = new JavaCardSubsetChecker(true);
            violations.addAll(checker.check(Files.readAllBytes(file)));
            builderCallers.addAll(checker.builderCallers);
        }
        assertEquals(List.of(), violations, "Java Card subset violations");
        assertFalse(builderCallers.isEmpty());
        for (String call : builderCallers) {
            // a builder may hand on to the file table's builder: still constructor-only, by induction
            String caller = call.substring(0, call.indexOf(" -> "));
            assertTrue(caller.equals("<init>") || JavaCardSubsetChecker.FILE_TABLE_BUILDERS.contains(caller),
                    "file-table builders run only from constructors: " + call);
        }
    }

    @Test
    void checkerCatchesADeliberatelyBadClass() throws IOException {
        byte[] bad;
        try (InputStream in = getClass().getResourceAsStream("DeliberatelyBadAppletSample.class")) {
            bad = in.readAllBytes();
        }
        String report = String.join("\n", new JavaCardSubsetChecker(true).check(bad));
        for (String expected : List.of(
            "DeliberatelyBadAppletSample.counter: non-final static field",
            "DeliberatelyBadAppletSample.history: field type uses java/util/ArrayList",
            "DeliberatelyBadAppletSample.process: NEWARRAY outside an allocating method",
            "DeliberatelyBadAppletSample.process: long/float/double instruction",
            "DeliberatelyBadAppletSample.process: invokedynamic",
            "DeliberatelyBadAppletSample.process: LDC constant of type Long",
            "DeliberatelyBadAppletSample.average: signature uses double",
            "DeliberatelyBadAppletSample.widen: signature uses int")) {
            assertTrue(report.contains(expected), "checker should report '" + expected + "' in:\n" + report);
        }
    }
}
