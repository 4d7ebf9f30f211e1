package dev.mynasim.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LanguageTest {

    @Test
    void theLocaleVariablesDecideInPosixOrder() {
        assertEquals(Language.JA, Language.fromEnvironment(Map.of("LANG", "ja_JP.UTF-8")));
        assertEquals(Language.EN, Language.fromEnvironment(Map.of("LC_ALL", "C", "LANG", "ja_JP.UTF-8")));
        assertEquals(Language.JA, Language.fromEnvironment(Map.of("LC_MESSAGES", "ja_JP.UTF-8", "LANG", "en_US.UTF-8")));
        assertEquals(Language.EN, Language.fromEnvironment(Map.of("LC_MESSAGES", "en_US.UTF-8", "LANG", "ja_JP.UTF-8")));
        assertEquals(Language.JA, Language.fromEnvironment(Map.of("LC_ALL", "", "LC_MESSAGES", "ja", "LANG", "C")));
        assertEquals(Language.EN, Language.fromEnvironment(Map.of()));
        assertEquals(Language.EN, Language.fromEnvironment(Map.of("LANG", "POSIX")));
    }

    @Test
    void theOptionWinsOverTheEnvironment() {
        assertEquals(Language.EN, Language.resolve(Language.EN, Map.of("LC_ALL", "ja_JP.UTF-8")));
        assertEquals(Language.JA, Language.resolve(Language.JA, Map.of("LC_ALL", "C")));
        assertEquals(Language.JA, Language.resolve(null, Map.of("LANG", "ja_JP.eucJP")));
    }

    @Test
    void namesAreTagsOrLocaleNames() {
        assertEquals(Language.JA, Language.of("ja"));
        assertEquals(Language.JA, Language.of("ja_JP.UTF-8"));
        assertEquals(Language.EN, Language.of("EN"));
        assertEquals(Language.EN, Language.of("en-GB"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Language.of("jp"));
        assertTrue(e.getMessage().contains("en or ja"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> Language.of("jav"));
    }

    /** Both bundles have the same keys, every pattern formats, and English never falls back to the JVM's locale. */
    @Test
    void bothBundlesHaveEveryMessage() {
        Locale saved = Locale.getDefault();
        try {
            Locale.setDefault(Locale.JAPAN);
            ResourceBundle en = ResourceBundle.getBundle("dev.mynasim.cli.messages", Locale.ROOT);
            ResourceBundle ja = ResourceBundle.getBundle("dev.mynasim.cli.messages", Locale.JAPANESE);
            Set<String> enKeys = en.keySet();
            assertEquals(enKeys, ja.keySet());
            for (String key : enKeys) {
                new MessageFormat(en.getString(key));
                new MessageFormat(ja.getString(key));
            }
            assertEquals("passed", Messages.of(Language.EN).get("status.passed"));
            assertEquals("成功", Messages.of(Language.JA).get("status.passed"));
            assertEquals("成功 3、失敗 0、スキップ 1", Messages.of(Language.JA).get("summary", 3, 0, 1));
            assertEquals("3 passed, 0 failed, 1 skipped", Messages.of(Language.EN).get("summary", 3, 0, 1));
        } finally {
            Locale.setDefault(saved);
        }
    }
}
