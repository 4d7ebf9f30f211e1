package dev.mynasim.model;

import java.util.function.Function;

/** The one lookup of a card fact by the words scenarios use for it, in English or in Japanese. */
final class Labels {

    private Labels() {
    }

    static <T> T find(T[] values, Function<T, String> english, Function<T, String> japanese, String wanted, String kind) {
        for (T value : values) {
            if (english.apply(value).equals(wanted) || japanese.apply(value).equals(wanted)) {
                return value;
            }
        }
        throw new IllegalArgumentException("no " + kind + " labelled \"" + wanted + "\"");
    }
}
