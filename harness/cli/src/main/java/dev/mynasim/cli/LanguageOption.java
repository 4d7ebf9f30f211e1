package dev.mynasim.cli;

import picocli.CommandLine.Option;

/** {@code --lang en|ja}, for every command that prints to a person. */
public final class LanguageOption {

    @Option(names = "--lang", paramLabel = "en|ja", converter = OptionValues.Lang.class,
            description = "Language of the messages: en or ja. Default: from LC_ALL, LC_MESSAGES or LANG (ja_JP... gives ja), else en.")
    Language option;

    /** The language of this run. */
    public Language language() {
        return Language.resolve(option, System.getenv());
    }

    /** The chosen language's messages. */
    public Messages messages() {
        return Messages.of(language());
    }
}
