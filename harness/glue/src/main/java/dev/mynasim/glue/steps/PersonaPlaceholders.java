package dev.mynasim.glue.steps;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.transport.Apdus;
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
 * compares against the persona's My Number.
 */
final class PersonaPlaceholders {

    private static final Pattern PLACEHOLDER = Pattern.compile("<([^<>]+)>");
    private static final Map<String, Function<Persona, String>> VALUES = new LinkedHashMap<>();

    static {
        VALUES.put("user-proof PIN", p -> p.pins().auth());
        VALUES.put("signature password", p -> p.pins().sign().orElseThrow(
                () -> new IllegalStateException("persona " + p.id() + " has no signature password")));
        VALUES.put("text PIN", p -> p.pins().text());
        VALUES.put("juki PIN", p -> p.pins().juki());
        VALUES.put("My Number", Persona::myNumber);
        VALUES.put("code A", Persona::verificationCodeA);
        VALUES.put("code B", Persona::verificationCodeB);
        VALUES.put("birth-date key", Persona::birthDateEra6);
    }

    private PersonaPlaceholders() {
    }

    /** The hex text with each {@code <name>} replaced by the hex of the persona's value (ASCII). */
    static String expand(String hex, Persona persona) {
        Matcher matcher = PLACEHOLDER.matcher(hex);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            Function<Persona, String> value = VALUES.get(matcher.group(1));
            if (value == null) {
                throw new IllegalArgumentException("unknown placeholder <" + matcher.group(1) + ">; known: " + VALUES.keySet());
            }
            matcher.appendReplacement(out, Apdus.toHex(value.apply(persona).getBytes(StandardCharsets.US_ASCII)));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
