package dev.mynasim.cli;

import dev.mynasim.glue.steps.CardWorld;
import dev.mynasim.glue.steps.ParameterTypes;
import dev.mynasim.glue.steps.PersonaPlaceholders;
import dev.mynasim.glue.steps.Vocabulary;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code mynasim steps}: every Gherkin step the harness understands, grouped by step class, in English or Japanese. */
@Command(name = "steps", mixinStandardHelpOptions = true,
        description = "Lists every step expression the scenarios can use (the vocabulary), by area; --lang ja lists the Japanese one.")
public final class StepsCommand implements Callable<Integer> {

    /** The Gherkin keyword each annotation stands for, as a feature in that language writes it. */
    private static final Map<String, String> KEYWORDS = Map.of(
            "Given", "Given", "When", "When ", "Then", "Then ",
            "前提", "前提  ", "もし", "もし  ", "ならば", "ならば");

    @Mixin
    LanguageOption language;

    @Override
    public Integer call() throws Exception {
        Messages messages = language.messages();
        boolean japanese = messages.language() == Language.JA;
        String annotationPackage = japanese ? "io.cucumber.java.ja" : "io.cucumber.java.en";
        TreeMap<String, List<String>> byArea = new TreeMap<>();
        for (Class<?> type : stepClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                for (Annotation annotation : method.getAnnotations()) {
                    Class<? extends Annotation> kind = annotation.annotationType();
                    if (kind.getPackageName().equals(annotationPackage) && KEYWORDS.containsKey(kind.getSimpleName())) {
                        String expression = (String) kind.getMethod("value").invoke(annotation);
                        byArea.computeIfAbsent(messages.get("area." + type.getSimpleName()), k -> new ArrayList<>())
                                .add(KEYWORDS.get(kind.getSimpleName()) + " " + expression);
                    }
                }
            }
        }
        byArea.forEach((area, expressions) -> {
            System.out.println(area + ":");
            expressions.stream().sorted().forEach(e -> System.out.println("  " + e));
        });
        System.out.println();
        System.out.println(messages.get("steps.legend.1"));
        System.out.println(messages.get("steps.legend.2"));
        for (Map.Entry<String, Vocabulary<?>> entry : ParameterTypes.vocabularies().entrySet()) {
            Vocabulary<?> vocabulary = entry.getValue();
            System.out.println("  {" + entry.getKey() + "}: "
                    + String.join(", ", (japanese ? vocabulary.japanese() : vocabulary.english()).keySet()));
        }
        System.out.println(messages.get("steps.legend.3"));
        Map<String, String> placeholders = PersonaPlaceholders.japaneseNames();
        System.out.println("  " + String.join(" ", placeholders.keySet().stream().sorted()
                .map(en -> "<" + (japanese ? placeholders.get(en) : en) + ">").toList()));
        return 0;
    }

    /** The classes of the steps package, found next to CardWorld (in the jar or in a classes folder). */
    private static List<Class<?>> stepClasses() throws IOException, URISyntaxException, ClassNotFoundException {
        String packageName = CardWorld.class.getPackageName();
        Path location = Path.of(CardWorld.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        List<String> names = new ArrayList<>();
        if (Files.isDirectory(location)) {
            try (Stream<Path> files = Files.list(location.resolve(packageName.replace('.', '/')))) {
                files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".class")).forEach(names::add);
            }
        } else {
            try (java.util.jar.JarFile jar = new java.util.jar.JarFile(location.toFile())) {
                String prefix = packageName.replace('.', '/') + "/";
                jar.stream().map(java.util.jar.JarEntry::getName)
                        .filter(n -> n.startsWith(prefix) && n.endsWith(".class") && n.indexOf('/', prefix.length()) < 0)
                        .map(n -> n.substring(prefix.length())).forEach(names::add);
            }
        }
        List<Class<?>> classes = new ArrayList<>();
        for (String name : names) {
            if (!name.contains("$")) {
                classes.add(Class.forName(packageName + "." + name.substring(0, name.length() - ".class".length())));
            }
        }
        return classes;
    }
}
