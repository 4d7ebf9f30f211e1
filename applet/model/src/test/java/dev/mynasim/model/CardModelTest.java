package dev.mynasim.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The scenario-facing patterns name each model entry once, and every name finds its entry. */
class CardModelTest {

    /** Every value's English and Japanese names are in the pattern, once, and find the value again. */
    private static <T> void patternListsEveryName(String pattern, List<T> values, Function<T, String> english,
            Function<T, String> japanese, Function<String, T> lookup) {
        List<String> alternatives = List.of(pattern.split("\\|"));
        Set<String> names = Stream.concat(values.stream().map(english), values.stream().map(japanese))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(names, new TreeSet<>(alternatives), pattern);
        assertEquals(alternatives.size(), names.size(), "a name listed twice in " + pattern);
        for (T value : values) {
            for (String name : List.of(english.apply(value), japanese.apply(value))) {
                assertSame(value, lookup.apply(name));
                assertEquals(true, name.matches(pattern), name);
            }
            assertEquals(true, japanese.apply(value).codePoints().anyMatch(c -> c > 0x3000),
                    "a Japanese name in Japanese: " + japanese.apply(value));
        }
    }

    @Test
    void pinLabels() {
        patternListsEveryName(Pin.LABEL_PATTERN, List.of(Pin.values()), Pin::label, Pin::labelJa, Pin::labelled);
        assertThrows(IllegalArgumentException.class, () -> Pin.labelled("user-proof pin"));
    }

    @Test
    void applicationNames() {
        patternListsEveryName(CardApplication.WORDS_PATTERN, List.of(CardApplication.values()), CardApplication::words,
                CardApplication::wordsJa, CardApplication::named);
    }

    @Test
    void fileNames() {
        List<CardFile> holderData = List.of(CardFile.MY_NUMBER, CardFile.BASIC_FOUR, CardFile.INTEGRITY_RECORD,
                CardFile.CARD_FACE, CardFile.MY_NUMBER_IMAGE, CardFile.AGE_RECORD);
        patternListsEveryName(CardFile.HOLDER_DATA_PATTERN, holderData, CardFile::label, CardFile::labelJa, CardFile::labelled);
        List<CardFile> certificates = Stream.of(KeyRef.values())
                .flatMap(k -> Stream.of(k.certificate(), k.caCertificate())).toList();
        patternListsEveryName(CardFile.CERTIFICATE_PATTERN, certificates, CardFile::label, CardFile::labelJa, CardFile::labelled);
        assertEquals(CardFile.values().length, Stream.of(CardFile.values()).map(CardFile::label).distinct().count());
        assertEquals(CardFile.values().length, Stream.of(CardFile.values()).map(CardFile::labelJa).distinct().count());
    }

    @Test
    void theSigningKeysUseTheirApplicationsPinsAndFiles() {
        for (KeyRef key : KeyRef.values()) {
            assertSame(CardApplication.JPKI, key.pin().application());
            assertSame(CardApplication.JPKI, key.certificate().application());
            assertEquals(0x80 | (key.fid() & 0x1F), key.sfiP2());
        }
    }
}
