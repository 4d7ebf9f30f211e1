package dev.mynasim.glue.steps;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The words one parameter type accepts, each value with its English and its Japanese wording, so a
 * Japanese scenario reaches the very same value as its English twin. A word that is the same in both
 * languages (an identifier such as {@code OCSP} or {@code keyCompromise}) is given twice on purpose.
 */
public final class Vocabulary<T> {

    private final Map<String, T> english = new LinkedHashMap<>();
    private final Map<String, T> japanese = new LinkedHashMap<>();

    /** A vocabulary built from values that carry their own labels (the card model's PINs and files). */
    static <T> Vocabulary<T> of(T[] values, Function<T, String> english, Function<T, String> japanese) {
        Vocabulary<T> vocabulary = new Vocabulary<>();
        for (T value : values) {
            vocabulary.add(value, english.apply(value), japanese.apply(value));
        }
        return vocabulary;
    }

    Vocabulary<T> add(T value, String englishWords, String japaneseWords) {
        if (english.putIfAbsent(englishWords, value) != null || japanese.putIfAbsent(japaneseWords, value) != null) {
            throw new IllegalArgumentException("a word stands for two values: " + englishWords + " / " + japaneseWords);
        }
        return this;
    }

    /** The value the words name, in either language. */
    T of(String words) {
        T value = english.containsKey(words) ? english.get(words) : japanese.get(words);
        if (value == null) {
            throw new IllegalArgumentException("unknown words \"" + words + "\"; known: " + english.keySet() + " " + japanese.keySet());
        }
        return value;
    }

    public Map<String, T> english() {
        return Collections.unmodifiableMap(english);
    }

    public Map<String, T> japanese() {
        return Collections.unmodifiableMap(japanese);
    }
}
