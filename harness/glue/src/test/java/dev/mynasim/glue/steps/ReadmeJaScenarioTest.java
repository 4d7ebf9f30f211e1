package dev.mynasim.glue.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.cucumber.plugin.event.Status;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Gherkin shown in README.ja.md runs as printed there, on the simulator, and passes. */
class ReadmeJaScenarioTest {

    private static final Pattern GHERKIN_BLOCK = Pattern.compile("```gherkin\\n(.*?)```", Pattern.DOTALL);

    private static List<String> gherkinBlocks() throws IOException {
        String readme = Files.readString(Path.of("README.ja.md"), StandardCharsets.UTF_8);
        List<String> blocks = new ArrayList<>();
        Matcher matcher = GHERKIN_BLOCK.matcher(readme);
        while (matcher.find()) {
            blocks.add(matcher.group(1));
        }
        return blocks;
    }

    @Test
    void theFirstScenarioLocksTheSignaturePasswordAfterFiveWrongTries(@TempDir Path dir) throws IOException {
        String scenario = gherkinBlocks().get(0);
        assertTrue(scenario.startsWith("# language: ja\n"), scenario);
        assertTrue(scenario.contains("誤った署名用パスワードを4回入力する") && scenario.contains("誤った署名用パスワードを1回入力する")
                && scenario.contains("署名用パスワードがロックされている"), "the README's first scenario locks the 署名用パスワード:\n" + scenario);
        Path feature = Files.writeString(dir.resolve("my_first.feature"), scenario, StandardCharsets.UTF_8);

        StepMatches.Result result = StepMatches.run(false, feature);

        long stepLines = scenario.lines().map(String::strip)
                .filter(l -> l.startsWith("前提") || l.startsWith("もし") || l.startsWith("ならば") || l.startsWith("かつ")).count();
        assertEquals(stepLines, result.matches().size(), "steps run: " + result.matches());
        result.matches().forEach(m -> assertEquals(Status.PASSED, m.status(), m.text()));
        assertTrue(result.matches().stream().anyMatch(m -> m.method().endsWith("PinSteps.thePinIsLocked")), result.matches().toString());
        assertEquals(0, result.exitStatus());
    }

    /** The byte-level example is a fragment: it runs inside a scenario for the default persona's card. */
    @Test
    void theByteLevelExampleWithAJapanesePlaceholderPasses(@TempDir Path dir) throws IOException {
        String fragment = gherkinBlocks().get(1);
        assertTrue(fragment.contains("<利用者証明用暗証番号>"), fragment);
        String scenario = "# language: ja\n機能: README.ja.md の例\n  シナリオ: 利用者証明用暗証番号をバイト列で送る\n"
                + "    前提 ペルソナ\"hanako\"のカードがある\n" + fragment;
        Path feature = Files.writeString(dir.resolve("readme_bytes.feature"), scenario, StandardCharsets.UTF_8);

        StepMatches.Result result = StepMatches.run(false, feature);

        assertEquals(5, result.matches().size(), "steps run: " + result.matches());
        result.matches().forEach(m -> assertEquals(Status.PASSED, m.status(), m.text()));
        assertEquals(0, result.exitStatus());
    }
}
