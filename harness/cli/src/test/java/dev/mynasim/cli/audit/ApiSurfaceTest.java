package dev.mynasim.cli.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.io.IOException;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each artifact's README lists its API under "## API" as bullets {@code - `package.Type`} (relative to
 * {@code dev.mynasim}). Every listed type exists and is public. The artifacts made for other projects'
 * builds (the provider, the JUnit extension) export exactly what their README lists, nothing more.
 */
class ApiSurfaceTest {

    private static final Pattern API_BULLET = Pattern.compile("^- `([a-z.]+\\.[A-Z][A-Za-z.]*)`");

    @ParameterizedTest
    @ValueSource(strings = {"applet/model", "fixtures", "simulator", "harness/client", "harness/world", "harness/glue",
            "harness/cli", "harness/smartcardio", "harness/junit"})
    void everyTypeAReadmeListsIsPublic(String module) throws IOException {
        List<String> listed = listedApi(module);
        assertFalse(listed.isEmpty(), module + "/README.md lists no API");
        for (String type : listed) {
            Class<?> found = load(type, module);
            assertTrue(Modifier.isPublic(found.getModifiers()), module + "/README.md lists " + type + ", which is not public");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"applet", "harness/tools", "harness/console"})
    void modulesWithoutAnApiSayWhy(String module) throws IOException {
        String readme = Files.readString(Path.of(module, "README.md"));
        assertTrue(readme.contains("## API") && readme.contains("None for other projects"), module + "/README.md: no API section");
    }

    @ParameterizedTest
    @ValueSource(strings = {"harness/smartcardio:dev.mynasim.smartcardio", "harness/junit:dev.mynasim.junit"})
    void artifactsForOtherBuildsExportExactlyTheirListedApi(String moduleAndPackage) throws IOException {
        String module = moduleAndPackage.split(":", -1)[0];
        String javaPackage = moduleAndPackage.split(":", -1)[1];
        Set<String> exported = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(javaPackage).stream()
                .filter(type -> type.getPackageName().equals(javaPackage))
                .filter(ApiSurfaceTest::reachableFromOutside)
                .map(type -> type.getName().substring("dev.mynasim.".length()).replace('$', '.'))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(listedApi(module)), exported,
                module + ": the public types must be exactly the README's API list (make the others package-private)");
    }

    private static boolean reachableFromOutside(JavaClass type) {
        if (!type.getModifiers().contains(JavaModifier.PUBLIC) || type.isAnonymousClass() || type.isLocalClass()) {
            return false;
        }
        return type.getEnclosingClass().map(ApiSurfaceTest::reachableFromOutside).orElse(true);
    }

    private static List<String> listedApi(String module) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(module, "README.md"));
        List<String> listed = new ArrayList<>();
        boolean inApi = false;
        for (String line : lines) {
            if (line.startsWith("## ")) {
                inApi = line.startsWith("## API");
                continue;
            }
            Matcher bullet = API_BULLET.matcher(line);
            if (inApi && bullet.find()) {
                listed.add(bullet.group(1));
            }
        }
        return listed;
    }

    /** {@code smartcardio.MynaSimReaders.Builder} is {@code dev.mynasim.smartcardio.MynaSimReaders$Builder}. */
    private static Class<?> load(String type, String module) {
        String[] parts = type.split("\\.", -1);
        StringBuilder name = new StringBuilder("dev.mynasim");
        boolean nested = false;
        for (String part : parts) {
            name.append(nested ? '$' : '.').append(part);
            nested = nested || Character.isUpperCase(part.charAt(0));
        }
        try {
            return Class.forName(name.toString(), false, ApiSurfaceTest.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            return fail(module + "/README.md lists " + type + ", but there is no " + name);
        }
    }
}
