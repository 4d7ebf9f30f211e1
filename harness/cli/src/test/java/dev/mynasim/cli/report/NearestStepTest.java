package dev.mynasim.cli.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class NearestStepTest {

    private static final List<String> PHRASINGS = List.of("誤った{pin}を{int}回入力する", "正しい{pin}を入力する",
            "{pin}がロックされている", "ペルソナ{string}のカードがある", "I enter a wrong {pin} {int} time(s)",
            "the {pin} is locked");

    @Test
    void findsTheNearestPhrasingInTheStepsOwnScript() {
        assertEquals("誤った{pin}を{int}回入力する", NearestStep.among("誤った署名用パスワードを5回入れる", PHRASINGS).orElseThrow());
        assertEquals("ペルソナ{string}のカードがある", NearestStep.among("ペルソナ \"hanako\" のカードがある", PHRASINGS).orElseThrow());
        assertEquals("the {pin} is locked", NearestStep.among("the signature password is blocked", PHRASINGS).orElseThrow());
    }

    @Test
    void turnsAStepIntoAnExpressionWithTheVocabularysParameters() {
        Map<String, List<String>> words = Map.of("pin", List.of("署名用パスワード", "利用者証明用暗証番号"),
                "key", List.of("署名用", "利用者証明用"), "relyingPartyAnswer", List.of("署名"));
        assertEquals("誤った{pin}を{int}回入れる",
                NearestStep.asExpression("誤った署名用パスワードを5回入れる", words, List.of("pin", "int")));
        assertEquals("{string}に{key}の鍵で署名する",
                NearestStep.asExpression("\"hello\"に署名用の鍵で署名する", words, List.of("string", "key")));
        assertEquals("今日は{date}\\(月\\)", NearestStep.asExpression("今日は2026-06-01(月)", words, List.of("date")));
        assertEquals("今日は2026-06-01", NearestStep.asExpression("今日は2026-06-01", words, List.of()));
    }
}
