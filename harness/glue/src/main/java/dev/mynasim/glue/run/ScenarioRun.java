package dev.mynasim.glue.run;

import dev.mynasim.glue.steps.ScenarioSettings;
import io.cucumber.core.backend.ObjectFactory;
import io.cucumber.core.options.CommandlineOptionsParser;
import io.cucumber.core.options.CucumberProperties;
import io.cucumber.core.options.CucumberPropertiesParser;
import io.cucumber.core.options.RuntimeOptions;
import io.cucumber.core.runtime.Runtime;
import io.cucumber.plugin.Plugin;
import java.util.List;

/**
 * Runs scenarios with Cucumber's own runtime, as {@code io.cucumber.core.cli.Main} does (options from
 * cucumber.properties, the environment, system properties, then the arguments), with two differences: every
 * scenario's world gets the run's {@link ScenarioSettings} ({@link GlueObjectFactory}, one per runner thread),
 * and the caller's plugins are handed over as objects, already configured.
 */
public final class ScenarioRun {

    private ScenarioRun() {
    }

    /**
     * Runs the scenarios the Cucumber arguments select (features, {@code --tags}, {@code --plugin},
     * {@code --threads}); returns Cucumber's exit status (0: every scenario passed or was skipped with a reason).
     */
    public static byte run(ScenarioSettings settings, List<String> cucumberArguments, List<Plugin> plugins) {
        RuntimeOptions fromFile = new CucumberPropertiesParser().parse(CucumberProperties.fromPropertiesFile()).build();
        RuntimeOptions fromEnvironment = new CucumberPropertiesParser().parse(CucumberProperties.fromEnvironment()).build(fromFile);
        RuntimeOptions fromProperties = new CucumberPropertiesParser().parse(CucumberProperties.fromSystemProperties()).build(fromEnvironment);
        CommandlineOptionsParser arguments = new CommandlineOptionsParser(System.out);
        RuntimeOptions options = arguments.parse(cucumberArguments.toArray(String[]::new))
                .addDefaultGlueIfAbsent().addDefaultFeaturePathIfAbsent().addDefaultSummaryPrinterIfNotDisabled()
                .setPublishQuiet(true).build(fromProperties);
        if (arguments.exitStatus().isPresent()) {
            return arguments.exitStatus().get();
        }
        ThreadLocal<ObjectFactory> perThread = ThreadLocal.withInitial(() -> new GlueObjectFactory(settings));
        ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
        Runtime runtime = Runtime.builder()
                .withRuntimeOptions(options)
                .withClassLoader(() -> classLoader)
                .withObjectFactorySupplier(perThread::get)
                .withAdditionalPlugins(plugins.toArray(Plugin[]::new))
                .build();
        runtime.run();
        return runtime.exitStatus();
    }
}
