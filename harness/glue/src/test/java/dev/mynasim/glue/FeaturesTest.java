package dev.mynasim.glue;

import static io.cucumber.junit.platform.engine.Constants.GLUE_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PROPERTY_NAME;
import static io.cucumber.junit.platform.engine.Constants.PLUGIN_PUBLISH_QUIET_PROPERTY_NAME;

import org.junit.platform.suite.api.ConfigurationParameter;
import org.junit.platform.suite.api.IncludeEngines;
import org.junit.platform.suite.api.SelectDirectories;
import org.junit.platform.suite.api.Suite;

/**
 * Runs every scenario in features/ on the JUnit Platform as part of {@code mvn verify}, against the
 * reader named by -Dmynasim.reader (default: the in-process simulator). Surefire runs the harness
 * tests from the checkout's root, so the path is relative to it.
 */
@Suite
@IncludeEngines("cucumber")
@SelectDirectories("features")
@ConfigurationParameter(key = GLUE_PROPERTY_NAME, value = "dev.mynasim.glue.steps")
@ConfigurationParameter(key = PLUGIN_PUBLISH_QUIET_PROPERTY_NAME, value = "true")
@ConfigurationParameter(key = PLUGIN_PROPERTY_NAME,
        value = "html:harness/glue/target/cucumber-report/cucumber.html, junit:harness/glue/target/cucumber-report/cucumber.xml")
public class FeaturesTest {
}
