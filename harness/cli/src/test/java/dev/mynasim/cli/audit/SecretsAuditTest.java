package dev.mynasim.cli.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.PersonaRepository;
import dev.mynasim.cli.audit.SecretScanner.Finding;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets audit: runs the whole Gherkin suite as {@code mynasim check --trace DIR --report-dir DIR} on the
 * simulator (a child JVM with its own HOME and XDG_STATE_HOME, so every state file it writes lands in
 * the audited folder too), then searches every artifact (traces, cucumber.html, cucumber.ndjson,
 * cucumber.xml, state files) for every persona's PINs, signature password, My Number and 照合番号B.
 *
 * <p>The rule ({@link SecretScanner}): each secret as the hex of its ASCII bytes behind its length byte
 * (an APDU data field, {@code 04 31 32 33 34} or {@code 0431323334}) and quoted (a step argument, a
 * JSON string value, escaped or HTML-quoted); secrets of 6 characters or more also as plain text and
 * bare hex anywhere; 4-digit PINs only in the two first contexts, because bare 4-digit numbers are
 * everywhere (dates, serials, a birthday); base64 attachments decoded and searched by the same rules.
 * PINs the scenarios set themselves ("4321", "NEWPASS77") are not persona secrets, but they must not
 * equal one: the first run flagged three new values in features/ that were another persona's PIN
 * (a leak the audit cannot tell from a real one), and they were changed.
 * A failure names the artifact and the kind of secret (and whose), never the secret.
 * {@link SecretScannerTest} shows each form is found in a deliberately leaky artifact.
 */
class SecretsAuditTest {

    @Test
    void noArtifactOfTheWholeSuiteHoldsAPersonaSecret(@TempDir Path dir) throws Exception {
        Path home = Path.of("").toAbsolutePath();
        while (!Files.isDirectory(home.resolve("features"))) {
            home = home.getParent();
            assertTrue(home != null, "no MynaSim checkout (a folder with features/) above the working directory");
        }
        Path reports = dir.resolve("reports");
        Path traces = dir.resolve("traces");
        Path userHome = dir.resolve("home");
        Files.createDirectories(userHome);
        List<String> command = List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dmynasim.home=" + home, "-Duser.home=" + userHome,
                "-cp", System.getProperty("java.class.path"), "dev.mynasim.cli.MynasimCommand",
                "check", "--trace", traces.toString(), "--report-dir", reports.toString());
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(dir.resolve("check-output.txt").toFile());
        builder.environment().put("HOME", userHome.toString());
        builder.environment().put("XDG_STATE_HOME", dir.resolve("state").toString());
        builder.environment().remove("MYNASIM_READER");
        Process check = builder.start();
        assertTrue(check.waitFor(15, TimeUnit.MINUTES), "mynasim check did not finish");
        String output = Files.readString(dir.resolve("check-output.txt"), StandardCharsets.UTF_8);
        assertEquals(0, check.exitValue(), "mynasim check failed; its output:\n" + output);

        // the audit must have something to audit: the reports, one trace per scenario, decoded attachments
        for (String report : List.of("cucumber.html", "cucumber.ndjson", "cucumber.xml")) {
            assertTrue(Files.size(reports.resolve(report)) > 0, report + " was written");
        }
        SecretScanner scanner = new SecretScanner(SecretScanner.of(PersonaRepository.load().all()));
        List<Path> scanned = new ArrayList<>();
        List<Finding> findings = scanner.scanTree(dir, scanned);
        long traceFiles = scanned.stream().filter(p -> p.startsWith(traces)).count();
        assertTrue(traceFiles >= 20, "traces written: " + traceFiles);
        assertTrue(scanner.decodedAttachments() > 0, "no base64 attachment was decoded");
        System.out.printf("secrets audit: %d artifacts (%d traces), %d base64 runs decoded, %d findings%n",
                scanned.size(), traceFiles, scanner.decodedAttachments(), findings.size());
        assertEquals(List.of(), findings.stream().map(Finding::toString).toList(), "persona secrets in the artifacts");
    }
}
