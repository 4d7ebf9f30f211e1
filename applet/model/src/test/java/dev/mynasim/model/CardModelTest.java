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

    private static <T> void patternListsEveryName(String pattern, List<T> values, Function<T, String> words,
            Function<String, T> lookup) {
        List<String> alternatives = List.of(pattern.split("\\|"));
        Set<String> names = values.stream().map(words).collect(Collectors.toCollection(TreeSet::new));
        assertEquals(names, new TreeSet<>(alternatives), pattern);
        assertEquals(alternatives.size(), names.size(), "a name listed twice in " + pattern);
        for (T value : values) {
            assertSame(value, lookup.apply(words.apply(value)));
            assertEquals(true, words.apply(value).matches(pattern), words.apply(value));
        }
    }

    @Test
    void pinLabels() {
        patternListsEveryName(Pin.LABEL_PATTERN, List.of(Pin.values()), Pin::label, Pin::labelled);
        assertThrows(IllegalArgumentException.class, () -> Pin.labelled("user-proof pin"));
    }

    @Test
    void applicationNames() {
        patternListsEveryName(CardApplication.WORDS_PATTERN, List.of(CardApplication.values()), CardApplication::words,
                CardApplication::named);
    }

    @Test
    void fileNames() {
        List<CardFile> holderData = List.of(CardFile.MY_NUMBER, CardFile.BASIC_FOUR, CardFile.INTEGRITY_RECORD,
                CardFile.CARD_FACE, CardFile.MY_NUMBER_IMAGE, CardFile.AGE_RECORD);
        patternListsEveryName(CardFile.HOLDER_DATA_PATTERN, holderData, CardFile::label, CardFile::labelled);
        List<CardFile> certificates = Stream.of(KeyRef.values())
                .flatMap(k -> Stream.of(k.certificate(), k.caCertificate())).toList();
        patternListsEveryName(CardFile.CERTIFICATE_PATTERN, certificates, CardFile::label, CardFile::labelled);
        assertEquals(CardFile.values().length, Stream.of(CardFile.values()).map(CardFile::label).distinct().count());
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
