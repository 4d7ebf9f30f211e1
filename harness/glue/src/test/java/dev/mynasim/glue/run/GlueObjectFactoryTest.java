package dev.mynasim.glue.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.CardLayout;
import dev.mynasim.glue.steps.CardSteps;
import dev.mynasim.glue.steps.CardWorld;
import dev.mynasim.glue.steps.KioskWorld;
import dev.mynasim.glue.steps.ScenarioSettings;
import io.cucumber.core.backend.CucumberBackendException;
import io.cucumber.plugin.ConcurrentEventListener;
import io.cucumber.plugin.event.TestCaseFinished;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's settings reach every scenario's world as an object, one world per scenario. */
class GlueObjectFactoryTest {

    private static final ScenarioSettings LONG_FORM_ON_SIM =
            new ScenarioSettings("sim", Optional.of(CardLayout.LONG_FORM), false, Optional.empty());

    @Test
    void everyScenarioGetsTheRunsSettingsAndWorldsOfItsOwn() {
        GlueObjectFactory factory = new GlueObjectFactory(LONG_FORM_ON_SIM);
        factory.addClass(CardSteps.class);
        factory.addClass(KioskWorld.class);
        factory.start();
        CardWorld first = factory.getInstance(CardWorld.class);
        assertSame(LONG_FORM_ON_SIM, first.settings());
        assertSame(first, factory.getInstance(CardWorld.class), "one world per scenario, shared by its step classes");
        factory.stop();
        factory.start();
        CardWorld second = factory.getInstance(CardWorld.class);
        assertNotSame(first, second, "a new scenario, a new world");
        assertSame(LONG_FORM_ON_SIM, second.settings());
        factory.stop();
    }

    @Test
    void askingOutsideAScenarioIsRefusedWithAReason() {
        GlueObjectFactory factory = new GlueObjectFactory(LONG_FORM_ON_SIM);
        factory.addClass(CardSteps.class);
        CucumberBackendException refused = assertThrows(CucumberBackendException.class, () -> factory.getInstance(CardWorld.class));
        assertTrue(refused.getMessage().contains("no scenario is running"), refused.getMessage());
    }

    @Test
    void theRunsTraceFolderAndLayoutReachTheScenarios(@TempDir Path traces) throws Exception {
        Path feature = traces.resolve("layout.feature");
        Files.writeString(feature, """
                Feature: a run's settings
                  Scenario: a card asked for by persona alone gets the run's layout
                    Given a card for persona "hanako"
                    When I send APDU "00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08"
                    And I send APDU "00 A4 02 0C 02 00 11"
                    And I send APDU "00 20 00 80 04 <text PIN>"
                    And I send APDU "00 A4 02 0C 02 00 02"
                    And I send APDU "00 B0 00 00 05"
                    Then the response data is "FF 20 82 00 62"
                """);
        List<String> statuses = java.util.Collections.synchronizedList(new ArrayList<>());
        ConcurrentEventListener results = publisher -> publisher.registerHandlerFor(TestCaseFinished.class,
                event -> statuses.add(event.getResult().getStatus().name()));
        ScenarioSettings settings = new ScenarioSettings("sim", Optional.of(CardLayout.LONG_FORM), false, Optional.of(traces.resolve("out")));
        byte exit = ScenarioRun.run(settings, List.of("--glue", "dev.mynasim.glue.steps", "--no-summary", "--monochrome",
                feature.toString()), List.of(results));
        assertEquals(List.of("PASSED"), statuses);
        assertEquals(0, exit);
        try (var written = Files.list(traces.resolve("out"))) {
            String trace = Files.readString(written.findFirst().orElseThrow());
            assertTrue(trace.contains("reader: sim"), trace);
        }
    }
}
