package dev.mynasim.glue.run;

import dev.mynasim.glue.steps.ScenarioSettings;
import io.cucumber.core.backend.CucumberBackendException;
import io.cucumber.core.backend.ObjectFactory;
import java.lang.reflect.Constructor;
import java.lang.reflect.Modifier;
import java.util.LinkedHashSet;
import java.util.Set;
import org.picocontainer.MutablePicoContainer;
import org.picocontainer.PicoBuilder;

/**
 * Builds each scenario's step classes and world objects with PicoContainer (constructor injection, one
 * instance of each class per scenario, as Cucumber's own PicoContainer factory does), and also hands them
 * the run's {@link ScenarioSettings}: the reader and the other options of {@code mynasim check} reach a
 * scenario as a constructor parameter, not through JVM-wide system properties.
 *
 * <p>{@code mynasim check} makes one per runner thread with its settings ({@link ScenarioRun}); a JUnit
 * Platform run finds this class through {@code META-INF/services} and uses the no-argument constructor.
 */
public final class GlueObjectFactory implements ObjectFactory {

    private final ScenarioSettings settings;
    private final Set<Class<?>> glue = new LinkedHashSet<>();
    private MutablePicoContainer scenario;

    /** For the JUnit Platform engine: the settings of the environment ({@link ScenarioSettings#fromEnvironment()}). */
    public GlueObjectFactory() {
        this(ScenarioSettings.fromEnvironment());
    }

    public GlueObjectFactory(ScenarioSettings settings) {
        this.settings = settings;
    }

    @Override
    public void start() {
        scenario = new PicoBuilder().withCaching().withLifecycle().build();
        scenario.addComponent(settings);
        glue.forEach(scenario::addComponent);
        scenario.start();
    }

    @Override
    public void stop() {
        if (scenario != null) {
            scenario.stop();
            scenario.dispose();
            scenario = null;
        }
    }

    /** A step class, and (so that PicoContainer can build it) every class its constructor asks for. */
    @Override
    public boolean addClass(Class<?> type) {
        if (type == ScenarioSettings.class || !isInstantiable(type) || !glue.add(type)) {
            return true;
        }
        for (Class<?> dependency : constructor(type).getParameterTypes()) {
            addClass(dependency);
        }
        return true;
    }

    @Override
    public <T> T getInstance(Class<T> type) {
        if (scenario == null) {
            throw new CucumberBackendException("no scenario is running: " + type.getName() + " asked for outside a scenario");
        }
        T instance = scenario.getComponent(type);
        if (instance == null) {
            throw new CucumberBackendException(type.getName() + " is not a glue class of this run");
        }
        return instance;
    }

    private static boolean isInstantiable(Class<?> type) {
        boolean innerClass = !Modifier.isStatic(type.getModifiers()) && type.getEnclosingClass() != null;
        return Modifier.isPublic(type.getModifiers()) && !Modifier.isAbstract(type.getModifiers()) && !innerClass
                && !type.isInterface() && !type.isPrimitive();
    }

    private static Constructor<?> constructor(Class<?> type) {
        Constructor<?>[] constructors = type.getConstructors();
        if (constructors.length != 1) {
            throw new CucumberBackendException(type.getName() + " must have exactly one public constructor for"
                    + " constructor injection; it has " + constructors.length);
        }
        return constructors[0];
    }
}
