package dev.mynasim.glue.steps;

import dev.mynasim.model.CardFile;
import dev.mynasim.client.transport.Apdus;
import dev.mynasim.model.Pin;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Lets byte-level scenarios name the persona's secrets instead of spelling them out, so PINs and the
 * My Number never stand in a feature file or in the report made from it:
 * {@code "00 20 00 80 04 <text PIN>"} sends the text PIN's ASCII bytes, {@code "FF 10 0C <My Number> FF FF"}
 * compares against the persona's My Number. PIN placeholders mean the card's current value (after
 * any change or office reset in the scenario). Every placeholder has a Japanese name too
 * ({@code <利用者証明用暗証番号>}, {@code <個人番号>} …), the card model's label where there is one.
 */
public final class PersonaPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>]+)>");
    private static final Map<String, Function<CardWorld, String>> VALUES = new LinkedHashMap<>();
    /** Each English placeholder's Japanese twin; both name the same value. */
    private static final Map<String, String> JAPANESE = new LinkedHashMap<>();

    static {
        // the card's current values: an office reset or a holder change earlier in the scenario counts
        add("user-proof PIN", Pin.AUTH.labelJa(), w -> w.pin(Pin.AUTH));
        add("signature password", Pin.SIGN.labelJa(), w -> w.pin(Pin.SIGN));
        add("text PIN", Pin.TEXT.labelJa(), w -> w.pin(Pin.TEXT));
        add("juki PIN", Pin.JUKI.labelJa(), w -> w.pin(Pin.JUKI));
        add("My Number", CardFile.MY_NUMBER.labelJa(), w -> w.persona().myNumber());
        add("code A", "照合番号A", w -> w.pin(Pin.TEXT_CODE_A));
        add("code B", "照合番号B", w -> w.pin(Pin.TEXT_CODE_B));
        add("birth-date key", Pin.BIRTH_DATE.labelJa(), w -> w.pin(Pin.BIRTH_DATE));
        // the length byte of a VERIFY of the password, which is 6 to 16 long
        add("signature password length", Pin.SIGN.labelJa() + "の長さ", w -> String.valueOf((char) w.pin(Pin.SIGN).length()));
    }

    private static void add(String english, String japanese, Function<CardWorld, String> value) {
        VALUES.put(english, value);
        VALUES.put(japanese, value);
        JAPANESE.put(english, japanese);
    }

    /** English placeholder name to its Japanese twin, e.g. {@code user-proof PIN} to {@code 利用者証明用暗証番号}. */
    public static Map<String, String> japaneseNames() {
        return Map.copyOf(JAPANESE);
    }

    private PersonaPlaceholders() {
    }

    /** The hex text with each {@code <name>} replaced by the hex of the persona's value (ASCII). */
    static String expand(String hex, CardWorld world) {
        Matcher matcher = PLACEHOLDER.matcher(hex);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Function<CardWorld, String> value = VALUES.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("unknown placeholder <" + matcher.group(1) + ">; known: " + VALUES.keySet());
            }
            matcher.appendReplacement(out, Apdus.toHex(value.apply(world).getBytes(StandardCharsets.US_ASCII)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
