package dev.mynasim.cli.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.cli.audit.SecretScanner.Finding;
import dev.mynasim.cli.audit.SecretScanner.Secret;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The audit's scanner finds deliberately leaky artifacts in every form, and ignores look-alikes. */
class SecretScannerTest {

    private static final Secret PIN = new Secret("user-proof PIN", "tester", "2580");
    private static final Secret PASSWORD = new Secret("signature password", "tester", "TESTPASS99");
    private static final Secret MY_NUMBER = new Secret("My Number", "tester", "123456789018");
    private final SecretScanner scanner = new SecretScanner(List.of(PIN, PASSWORD, MY_NUMBER));

    private List<String> forms(String text) {
        return scanner.scan("artifact", text, true).stream().map(f -> f.secret() + " / " + f.form()).toList();
    }

    @Test
    void aPinInAnApduIsFoundSpacedOrPlain() {
        assertEquals(List.of("user-proof PIN of tester / hex APDU data"), forms("> 00 20 00 80 04 32 35 38 30\n< 90 00"));
        assertEquals(List.of("user-proof PIN of tester / hex APDU data"), forms("{\"command\":\"002000800432353830\"}"));
        assertEquals(List.of(), forms("> 00 20 00 80 04 ** ** ** **\n< 90 00"), "a masked VERIFY");
    }

    @Test
    void aPinQuotedInAStepOrJsonIsFound() {
        assertEquals(List.of("user-proof PIN of tester / quoted text or JSON value"), forms("When I enter the PIN \"2580\""));
        assertEquals(List.of("user-proof PIN of tester / quoted text or JSON value"), forms("{\"text\":\"I enter \\\"2580\\\"\"}"));
        assertEquals(List.of("user-proof PIN of tester / quoted text or JSON value"), forms("<td>&quot;2580&quot;</td>"));
    }

    @Test
    void fourDigitLookAlikesAreNotFindings() {
        // bare digits and bare ASCII hex of the same 4 digits: a date, a serial, a birthday on the card
        assertEquals(List.of(), forms("issued 2580-01-01, serial 125801, {\"seconds\":25801}"));
        assertEquals(List.of(), forms("< 31 39 39 30 32 35 38 30 90 00"));
    }

    @Test
    void longSecretsAreFoundAnywhere() {
        assertEquals(List.of("signature password of tester / text"), forms("password was TESTPASS99 here"));
        assertEquals(List.of("My Number of tester / hex"), forms("< FF 10 31 32 33 34 35 36 37 38 39 30 31 38 90 00"));
    }

    @Test
    void attachmentsAreDecoded() {
        String trace = "> 00 20 00 80 0A 54 45 53 54 50 41 53 53 39 39\n";
        String ndjson = "{\"attachment\":{\"body\":\"" + Base64.getEncoder().encodeToString(trace.getBytes(StandardCharsets.UTF_8))
                + "\",\"contentEncoding\":\"BASE64\",\"mediaType\":\"text/plain\"}}";
        assertTrue(forms(ndjson).contains("signature password of tester / hex APDU data in a base64 attachment"), forms(ndjson).toString());
        String html = "<script>window.CUCUMBER_MESSAGES = [{\"attachment\":{\"body\":\""
                + Base64.getEncoder().encodeToString("My Number 123456789018".getBytes(StandardCharsets.UTF_8)) + "\"}}]</script>";
        assertTrue(forms(html).contains("My Number of tester / text in a base64 attachment"), forms(html).toString());
    }

    @Test
    void aTreeIsScannedAndFindingsNeverHoldTheSecret(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("clean.trace"), "> 00 20 00 80 04 ** ** ** **\n");
        Files.createDirectories(dir.resolve("reports"));
        Files.writeString(dir.resolve("reports/cucumber.xml"), "<failure message=\"expected &quot;2580&quot;\"/>");
        List<Path> scanned = new ArrayList<>();
        List<Finding> findings = scanner.scanTree(dir, scanned);
        assertEquals(2, scanned.size());
        assertEquals(1, findings.size(), findings.toString());
        assertEquals("reports/cucumber.xml", findings.get(0).artifact());
        for (Finding finding : findings) {
            assertFalse(finding.toString().contains("2580"), finding.toString());
        }
    }
}
