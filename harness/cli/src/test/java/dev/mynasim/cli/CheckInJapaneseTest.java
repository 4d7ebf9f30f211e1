package dev.mynasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code check --lang ja}: progress and summary in Japanese, the HTML report with the scenario names as written. */
class CheckInJapaneseTest {

    private static String check(String... args) {
        PrintStream original = System.out;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(captured, true, StandardCharsets.UTF_8));
            assertEquals(0, MynasimCommand.commandLine().execute(args), () -> captured.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(original);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    @Test
    void printsProgressAndSummaryInJapanese(@TempDir Path reports) throws Exception {
        String out = check("check", "--lang", "ja", "--report-dir", reports.toString(), "features/ja/certificates.feature");

        assertTrue(out.contains("MynaSim check（リーダー「sim」）"), out);
        assertTrue(out.contains("成功      CA証明書は自由に読め、テスト用のルートである  (features/ja/certificates.feature:"), out);
        assertTrue(out.contains("成功 8、失敗 0、スキップ 0"), out);
        assertTrue(out.contains("レポート: " + reports.resolve("cucumber.html")), out);
        String html = Files.readString(reports.resolve("cucumber.html"), StandardCharsets.UTF_8);
        assertTrue(html.contains("子どものカードには署名用電子証明書がない"), "the HTML report shows the Japanese scenario name");
    }

    @Test
    void englishStaysEnglishForTheSameFeatures(@TempDir Path reports) {
        String out = check("check", "--lang", "en", "--report-dir", reports.toString(), "features/ja/certificates.feature");

        assertTrue(out.contains("MynaSim check on reader \"sim\""), out);
        assertTrue(out.contains("passed   CA証明書は自由に読め、テスト用のルートである"), out);
        assertTrue(out.contains("8 passed, 0 failed, 0 skipped"), out);
    }
}
