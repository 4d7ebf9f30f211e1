package dev.mynasim.cli;

import dev.mynasim.glue.steps.CardWorld;
import io.cucumber.java.en.Given;
import io.cucumber.java.en.Then;
import io.cucumber.java.en.When;
import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;

/** {@code mynasim steps}: every Gherkin step the harness understands, grouped by step class. */
@Command(name = "steps", mixinStandardHelpOptions = true,
        description = "Lists every step expression the scenarios can use (the vocabulary), by area.")
public final class StepsCommand implements Callable<Integer> {

    @Override
    public Integer call() throws Exception {
        TreeMap<String, List<String>> byClass = new TreeMap<>();
        for (Class<?> type : stepClasses()) {
            for (Method method : type.getDeclaredMethods()) {
                List<String> expressions = byClass.computeIfAbsent(type.getSimpleName(), k -> new ArrayList<>());
                Given given = method.getAnnotation(Given.class);
                When when = method.getAnnotation(When.class);
                Then then = method.getAnnotation(Then.class);
                if (given != null) {
                    expressions.add("Given " + given.value());
                }
                if (when != null) {
                    expressions.add("When  " + when.value());
                }
                if (then != null) {
                    expressions.add("Then  " + then.value());
                }
            }
        }
        byClass.forEach((type, expressions) -> {
            if (!expressions.isEmpty()) {
                System.out.println(type.replace("Steps", "") + ":");
                expressions.stream().sorted().forEach(e -> System.out.println("  " + e));
            }
        });
        System.out.println("{string} is \"quoted text\"; {int} a number; {date} YYYY-MM-DD; {sw} two hex bytes like 63 C3;");
        System.out.println("{pin}, {key}, {certificate}, ... are the words listed in ParameterTypes (e.g. user-proof PIN, signature password).");
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
