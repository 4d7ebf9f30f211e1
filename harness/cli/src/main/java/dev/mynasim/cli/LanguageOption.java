package dev.mynasim.cli;

import picocli.CommandLine.Option;

/** {@code --lang en|ja}, for every command that prints to a person. */
public final class LanguageOption {

    @Option(names = "--lang", paramLabel = "en|ja", converter = OptionValues.Lang.class,
            description = "Language of the messages: en or ja. Default: from LC_ALL, LC_MESSAGES or LANG (ja_JP... gives ja), else en.")
    Language option;

    /** The language of this run; also recorded for the Cucumber plugins (see {@link Language#current()}). */
    public Language language() {
        Language language = Language.resolve(option, System.getenv());
        System.setProperty(Language.PROPERTY, language.tag());
        return language;
    }

    /** The chosen language's messages. */
    public Messages messages() {
        return Messages.of(language());
    }
}
