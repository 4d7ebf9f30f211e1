package dev.mynasim.cli;

import java.text.MessageFormat;
import java.util.ResourceBundle;

/**
 * The CLI's messages in one language, from the bundle dev/mynasim/cli/messages(_ja).properties. The
 * bundle of the chosen language is read without falling back to the JVM's default locale.
 */
public final class Messages {

    private static final String BUNDLE = "dev.mynasim.cli.messages";

    private final Language language;
    private final ResourceBundle bundle;

    private Messages(Language language) {
        this.language = language;
        this.bundle = ResourceBundle.getBundle(BUNDLE, language.locale(),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
    }

    public static Messages of(Language language) {
        return new Messages(language);
    }

    public Language language() {
        return language;
    }

    /** The message with its arguments put in by MessageFormat (numbers in the language's style). */
    public String get(String key, Object... arguments) {
        return new MessageFormat(bundle.getString(key), language.locale()).format(arguments);
    }
}
