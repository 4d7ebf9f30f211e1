package dev.mynasim.cli;

import java.util.Locale;
import java.util.Map;

/**
 * The language of what the CLI prints: {@code --lang}, else the POSIX locale variables read directly
 * (LC_ALL, then LC_MESSAGES, then LANG). The JVM's default locale is not used: Debian ships no
 * ja_JP locale, so the JVM would report English for a holder whose LANG is ja_JP.UTF-8.
 */
public enum Language {
    EN("en", Locale.ENGLISH),
    JA("ja", Locale.JAPANESE);

    private final String tag;
    private final Locale locale;

    Language(String tag, Locale locale) {
        this.tag = tag;
        this.locale = locale;
    }

    public String tag() {
        return tag;
    }

    public Locale locale() {
        return locale;
    }

    /** {@code en} or {@code ja}, also as a locale name such as {@code ja_JP.UTF-8}; anything else is refused. */
    public static Language of(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        for (Language language : values()) {
            if (lower.equals(language.tag) || lower.startsWith(language.tag + "_") || lower.startsWith(language.tag + "-")
                    || lower.startsWith(language.tag + ".")) {
                return language;
            }
        }
        throw new IllegalArgumentException("unknown language '" + text + "': use en or ja");
    }

    /** The first set one of LC_ALL, LC_MESSAGES, LANG decides; ja... is Japanese, anything else (C, POSIX, en_US) English. */
    public static Language fromEnvironment(Map<String, String> environment) {
        for (String name : new String[] {"LC_ALL", "LC_MESSAGES", "LANG"}) {
            String value = environment.get(name);
            if (value != null && !value.isBlank()) {
                return value.trim().toLowerCase(Locale.ROOT).startsWith("ja") ? JA : EN;
            }
        }
        return EN;
    }

    /** {@code --lang} when given, else the environment. */
    public static Language resolve(Language option, Map<String, String> environment) {
        return option != null ? option : fromEnvironment(environment);
    }

}
