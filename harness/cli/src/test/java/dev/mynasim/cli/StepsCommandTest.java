package dev.mynasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class StepsCommandTest {

    /** The contract test's runner: System.out and System.err captured, where the CLI prints. */
    static CliContractTest.Run mynasim(String... args) {
        return CliContractTest.run(args);
    }

    @Test
    void listsBothVocabulariesByArea() {
        CliContractTest.Run run = mynasim("steps", "--lang", "en");
        String out = run.out();
        assertEquals(0, run.exit());
        assertTrue(out.contains("Apdu:\n") && out.contains("When  I send APDU {string}"), out);
        assertTrue(out.contains("Pin:\n") && out.contains("When  I enter a wrong {pin} {int} time(s)"), out);
        assertTrue(out.contains("{pin}: user-proof PIN, signature password"), out);
        assertTrue(out.contains("<user-proof PIN>"), out);
    }

    @Test
    void listsTheJapaneseVocabularyWithItsWordsAndPlaceholders() {
        CliContractTest.Run run = mynasim("steps", "--lang", "ja");
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
        CliContractTest.Run run = mynasim("steps", "--lang", "jp");
        assertEquals(2, run.exit());
        assertTrue(run.err().contains("en or ja"), run.err());
    }
}
