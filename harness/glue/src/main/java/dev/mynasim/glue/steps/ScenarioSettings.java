package dev.mynasim.glue.steps;

import dev.mynasim.client.backend.Backends;
import dev.mynasim.fixtures.CardLayout;
import dev.mynasim.fixtures.Persona;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * What a run of scenarios was asked for, the same for every scenario of the run: the reader, the card
 * layout of cards asked for by persona alone, whether the guard lets PIN-changing scenarios reach a card
 * that is not a MynaSim card, and where each scenario's APDU trace is written. {@code mynasim check}
 * builds it from its options and hands it to every scenario's world ({@code glue.run.GlueObjectFactory});
 * a JUnit Platform run ({@code mvn verify}) uses {@link #fromEnvironment()}.
 *
 * @param reader           {@code sim}, {@code vpcd} or a PC/SC reader (see {@link Backends#open})
 * @param layout           the layout every card asked for by persona alone gets; empty: each persona file's
 * @param allowDestructive {@code check --allow-destructive}
 * @param traceDir         {@code check --trace DIR}; empty: no trace files
 */
public record ScenarioSettings(String reader, Optional<CardLayout> layout, boolean allowDestructive, Optional<Path> traceDir) {

    public ScenarioSettings {
        Objects.requireNonNull(reader, "reader");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(traceDir, "traceDir");
    }

    /** The reader of {@code $MYNASIM_READER} (else sim), each persona's own layout, a guard that refuses, no traces. */
    public static ScenarioSettings fromEnvironment() {
        return new ScenarioSettings(Backends.defaultReader(), Optional.empty(), false, Optional.empty());
    }

    /** The persona on a card of this run's layout, else of the persona file's. */
    public Persona onRunLayout(Persona persona) {
        return layout.map(persona::withLayout).orElse(persona);
    }

    /** Whether the reader goes through PC/SC (vpcd or a real reader) rather than straight to a card in this JVM. */
    public boolean throughPcsc() {
        return !"sim".equalsIgnoreCase(reader);
    }
}
