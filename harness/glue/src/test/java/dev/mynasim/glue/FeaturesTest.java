package dev.mynasim.glue;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PARALLEL_CONFIG_STRATEGY_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * Runs every scenario in features/ on the JUnit Platform as part of {@code mvn verify}, against the
 * reader named by $MYNASIM_READER (default: the in-process simulator; ScenarioSettings.fromEnvironment). Surefire runs the harness
 * tests from the checkout's root, so the path is relative to it.
 *
 * <p>Scenarios run in parallel on the JUnit Platform (one per core): each has its own card, and the
 * readers that are shared resources take turns by themselves (a vpcd slot is leased, at most two at once;
 * a physical reader is held by one scenario at a time), whichever runner runs them.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "dev.mynasim.glue.steps")
@ConfigurationParameter(key = PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, value = "true")
@ConfigurationParameter(key = PARALLEL_EXECUTION_ENABLED_PROPERTY_NAME, value = "true")
@ConfigurationParameter(key = PARALLEL_CONFIG_STRATEGY_PROPERTY_NAME, value = "dynamic")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME,
        value = "html:harness/glue/target/cucumber-report/cucumber.html, junit:harness/glue/target/cucumber-report/cucumber.xml")
public class FeaturesTest {
}
