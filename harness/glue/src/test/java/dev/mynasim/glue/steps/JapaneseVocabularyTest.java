package dev.mynasim.glue.steps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.fixtures.Persona;
import io.cucumber.java.ParameterType;
import io.cucumber.plugin.event.Status;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The Japanese vocabulary has the English one's reach: every step method answers a Japanese phrasing
 * with the same parameters in the same order, every word of every parameter type has its Japanese
 * twin, every secret placeholder has a Japanese name, and each Japanese feature reaches exactly the
 * step methods of its English twin.
 */
class JapaneseVocabularyTest {

    private static final Path FEATURES = Path.of("features");
    private static final Path JAPANESE_FEATURES = FEATURES.resolve("ja");
    /** The core features the issue asks for in Japanese; more may follow. */
    private static final List<String> REQUIRED_TWINS = List.of("pins", "certificates", "expiry", "pin_reset",
            "change_of_address", "loss", "convenience_store");
    /** Parameter types whose text is the same in every language: hex, ISO dates, times of day. */
    private static final Set<String> LANGUAGE_NEUTRAL = Set.of("sw", "date", "timeOfDay");
    private static final Pattern PARAMETER = Pattern.compile("\\{(\\w*)}");

    static List<Class<?>> stepClasses() {
        return List.of(ApduSteps.class, CardInfoSteps.class, CardPresenceSteps.class, CardSteps.class,
                CertificateAuthoritySteps.class, CertificateSteps.class, DateSteps.class, FaultSteps.class,
                KioskSteps.class, OfficeSteps.class, PinSteps.class, RelyingPartySteps.class, SignatureSteps.class,
                ParameterTypes.class);
    }

    @Test
    void theListOfStepClassesIsComplete() throws IOException {
        Set<String> listed = new TreeSet<>();
        stepClasses().forEach(c -> listed.add(c.getSimpleName()));
        Set<String> withSteps = new TreeSet<>();
        Path sources = Path.of("harness/glue/src/main/java/dev/mynasim/glue/steps");
        try (Stream<Path> files = Files.list(sources)) {
            for (Path file : files.toList()) {
                String text = Files.readString(file);
                if (text.contains("io.cucumber.java.en.") || text.contains("@ParameterType(")) {
                    withSteps.add(file.getFileName().toString().replace(".java", ""));
                }
            }
        }
        assertEquals(withSteps, listed, "step classes in " + sources);
    }

    @Test
    void everyEnglishStepHasAJapanesePhrasingWithTheSameParameters() {
        int methods = 0;
        for (Class<?> type : stepClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                List<String> english = expressions(method, "io.cucumber.java.en");
                List<String> japanese = expressions(method, "io.cucumber.java.ja");
                if (english.isEmpty() && japanese.isEmpty()) {
                    continue;
                }
                methods++;
                String where = type.getSimpleName() + "." + method.getName();
                assertFalse(english.isEmpty(), where + " has a Japanese phrasing but no English one");
                assertFalse(japanese.isEmpty(), where + " has no Japanese phrasing for " + english);
                for (String ja : japanese) {
                    assertTrue(ja.codePoints().anyMatch(c -> c >= 0x3040), where + ": not Japanese: " + ja);
                    for (String en : english) {
                        assertEquals(parameters(en), parameters(ja),
                                where + ": the Japanese phrasing must pass the same parameters in the same order: " + ja);
                    }
                }
            }
        }
        assertTrue(methods > 100, "step methods found: " + methods);
    }

    @Test
    void everyParameterWordHasAJapaneseTwin() throws Exception {
        Map<String, Vocabulary<?>> vocabularies = ParameterTypes.vocabularies();
        Set<String> seen = new HashSet<>();
        for (Class<?> type : stepClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                ParameterType annotation = method.getAnnotation(ParameterType.class);
                if (annotation == null) {
                    continue;
                }
                String name = annotation.name().isEmpty() ? method.getName() : annotation.name();
                seen.add(name);
                if (LANGUAGE_NEUTRAL.contains(name)) {
                    continue;
                }
                Vocabulary<?> vocabulary = vocabularies.get(name);
                assertNotNull(vocabulary, "{" + name + "} has no Vocabulary with its Japanese words");
                Set<String> alternatives = new HashSet<>(List.of(annotation.value().split("\\|")));
                Object instance = type.getDeclaredConstructors()[0].getParameterCount() == 0 ? type.getDeclaredConstructor().newInstance() : null;
                for (String words : alternatives) {
                    Object value = vocabulary.english().containsKey(words) ? vocabulary.english().get(words) : vocabulary.japanese().get(words);
                    assertNotNull(value, "{" + name + "}: \"" + words + "\" is in the pattern but not in the vocabulary");
                    assertTrue(alternatives.contains(wordFor(vocabulary.english(), value)), "{" + name + "}: no English word for " + value);
                    assertTrue(alternatives.contains(wordFor(vocabulary.japanese(), value)), "{" + name + "}: no Japanese word for " + value);
                    if (instance != null) {
                        assertEquals(value, method.invoke(instance, words), "{" + name + "} of \"" + words + "\"");
                    }
                }
            }
        }
        assertEquals(new TreeSet<>(vocabularies.keySet()), new TreeSet<>(seen.stream().filter(n -> !LANGUAGE_NEUTRAL.contains(n)).toList()));
    }

    /** The words for a value in one language: the one the pattern lists, when a value has several (address / name changed). */
    private static String wordFor(Map<String, ?> words, Object value) {
        return words.entrySet().stream().filter(e -> e.getValue().equals(value)).map(Map.Entry::getKey).findFirst().orElse(null);
    }

    @Test
    void everySecretPlaceholderHasAJapaneseNameForTheSameValue() {
        Map<String, String> japanese = PersonaPlaceholders.japaneseNames();
        assertEquals(Set.of("user-proof PIN", "signature password", "text PIN", "juki PIN", "My Number", "code A", "code B",
                "birth-date key", "signature password length"), japanese.keySet());
        Persona persona = Fixtures.get().personas().byId("hanako");
        CardWorld world = new CardWorld(ScenarioSettings.fromEnvironment());
        world.insertCardFor(persona);
        japanese.forEach((en, ja) -> assertEquals(PersonaPlaceholders.expand("00 <" + en + ">", world),
                PersonaPlaceholders.expand("00 <" + ja + ">", world), "<" + en + "> and <" + ja + ">"));
        assertEquals(Set.of("利用者証明用暗証番号", "署名用パスワード", "券面事項入力補助用暗証番号", "住民基本台帳用暗証番号", "個人番号",
                "照合番号A", "照合番号B", "生年月日キー", "署名用パスワードの長さ"), Set.copyOf(japanese.values()));
    }

    @Test
    void eachJapaneseFeatureReachesTheStepMethodsOfItsEnglishTwin() throws IOException {
        List<Path> japanese;
        try (Stream<Path> files = Files.list(JAPANESE_FEATURES)) {
            japanese = files.filter(f -> f.toString().endsWith(".feature")).sorted().toList();
        }
        List<String> names = japanese.stream().map(f -> f.getFileName().toString().replace(".feature", "")).toList();
        assertTrue(names.containsAll(REQUIRED_TWINS), "Japanese features: " + names);
        for (Path ja : japanese) {
            Path en = FEATURES.resolve(ja.getFileName());
            assertTrue(Files.exists(en), ja + " has no English twin " + en);
            assertTrue(Files.readString(ja).startsWith("# language: ja"), ja + " must declare # language: ja");
            assertEquals(methodsReached(en), methodsReached(ja), "step methods of " + ja + " and of " + en);
        }
    }

    private static Set<String> methodsReached(Path feature) {
        StepMatches.Result result = StepMatches.run(true, feature);
        Set<String> methods = new TreeSet<>();
        List<String> problems = new ArrayList<>();
        for (StepMatches.Match match : result.matches()) {
            if (match.method() == null || match.status() == Status.UNDEFINED || match.status() == Status.AMBIGUOUS) {
                problems.add(match.status() + ": " + match.text());
            } else {
                methods.add(match.method());
            }
        }
        assertEquals(List.of(), problems, "steps of " + feature);
        assertFalse(methods.isEmpty(), "no steps matched in " + feature);
        return methods;
    }

    private static List<String> expressions(Method method, String annotationPackage) {
        List<String> found = new ArrayList<>();
        for (Annotation annotation : method.getAnnotations()) {
            if (annotation.annotationType().getPackageName().equals(annotationPackage)) {
                try {
                    found.add((String) annotation.annotationType().getMethod("value").invoke(annotation));
                } catch (ReflectiveOperationException e) {
                    throw new LinkageError("a Cucumber step annotation without value(): " + annotation, e);
                }
            }
        }
        return found;
    }

    private static List<String> parameters(String expression) {
        List<String> names = new ArrayList<>();
        Matcher matcher = PARAMETER.matcher(expression);
        while (matcher.find()) {
            names.add(matcher.group(1));
        }
        return names;
    }
}
