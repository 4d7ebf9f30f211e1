package dev.mynasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StepsCommandTest {

    private record Run(int exit, String out, String err) {
    }

    static Run mynasim(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        java.io.StringWriter err = new java.io.StringWriter();
        int exit;
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            picocli.CommandLine commandLine = MynasimCommand.commandLine();
            commandLine.setErr(new java.io.PrintWriter(err, true));
            exit = commandLine.execute(args);
        } finally {
            System.setOut(original);
            System.clearProperty(Language.PROPERTY);
        }
        return new Run(exit, captured.toString(StandardCharsets.UTF_8), err.toString());
    }

    @Test
    void listsBothVocabulariesByArea() {
        Run run = mynasim("steps", "--lang", "en");
        String out = run.out();
        assertEquals(0, run.exit());
        assertTrue(out.contains("Apdu:\n") && out.contains("When  I send APDU {string}"), out);
        assertTrue(out.contains("Pin:\n") && out.contains("When  I enter a wrong {pin} {int} time(s)"), out);
        assertTrue(out.contains("{pin}: user-proof PIN, signature password"), out);
        assertTrue(out.contains("<user-proof PIN>"), out);
    }

    @Test
    void listsTheJapaneseVocabularyWithItsWordsAndPlaceholders() {
        Run run = mynasim("steps", "--lang", "ja");
        String out = run.out();
        assertEquals(0, run.exit(), run.err());
        assertTrue(out.contains("暗証番号:\n") && out.contains("もし   誤った{pin}を{int}回入力する"), out);
        assertTrue(out.contains("前提   ペルソナ{string}のカードがある"), out);
        assertTrue(out.contains("{pin}: 利用者証明用暗証番号, 署名用パスワード, 券面事項入力補助用暗証番号"), out);
        assertTrue(out.contains("<利用者証明用暗証番号>") && out.contains("<署名用パスワード>"), out);
        assertTrue(!out.contains("I enter a wrong"), "no English phrasing in the Japanese list");
    }

    @Test
    void anUnknownLanguageIsAUsageError() {
        Run run = mynasim("steps", "--lang", "jp");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("en or ja"), run.err());
    }
}
