package dev.mynasim.model;

import java.util.function.Function;

/** The one lookup of a card fact by the words scenarios use for it. */
final class Labels {

    private Labels() {
    }

    static <T> T find(T[] values, Function<T, String> words, String wanted, String kind) {
        for (T value : values) {
            if (words.apply(value).equals(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("no " + kind + " labelled \"" + wanted + "\"");
    }
}
