package dev.mynasim.glue.steps;

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
 * compares against the persona's My Number. PIN
 * placeholders mean the card's current value (after any change or office reset in the scenario).
 */
final class PersonaPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>]+)>");
    private static final Map<String, Function<CardWorld, String>> VALUES = new LinkedHashMap<>();

    static {
        // the card's current values: an office reset or a holder change earlier in the scenario counts
        VALUES.put("user-proof PIN", w -> w.pin(Pin.AUTH));
        VALUES.put("signature password", w -> w.pin(Pin.SIGN));
        VALUES.put("text PIN", w -> w.pin(Pin.TEXT));
        VALUES.put("juki PIN", w -> w.pin(Pin.JUKI));
        VALUES.put("My Number", w -> w.persona().myNumber());
        VALUES.put("code A", w -> w.pin(Pin.TEXT_CODE_A));
        VALUES.put("code B", w -> w.pin(Pin.TEXT_CODE_B));
        VALUES.put("birth-date key", w -> w.pin(Pin.BIRTH_DATE));
        // the length byte of a VERIFY of the password, which is 6 to 16 long
        VALUES.put("signature password length", w -> String.valueOf((char) w.pin(Pin.SIGN).length()));
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
