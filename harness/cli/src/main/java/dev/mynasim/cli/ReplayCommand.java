package dev.mynasim.cli;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.backend.Backends;
import dev.mynasim.fixtures.CardLayout;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.client.guard.GuardedBackend;
import dev.mynasim.client.transport.TraceFile;
import dev.mynasim.client.transport.TraceReplay;
import java.io.Console;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code mynasim replay}: sends a trace's commands to another card and prints where the answers differ. */
@Command(name = "replay", mixinStandardHelpOptions = true,
        description = {"Replays a trace (from check --trace) against a fresh virtual card or any reader, and prints,"
                + " line by line, where status words or response lengths differ, then a summary.",
                "A command whose PIN/password was masked is sent only if you type the value (on a terminal);"
                        + " otherwise it is skipped and said so. Exit status: 0 no differences, 1 differences or nothing replayed."})
public final class ReplayCommand implements Callable<Integer> {

    @Parameters(paramLabel = "TRACE", converter = OptionValues.ExistingFile.class, description = "The trace file.")
    Path trace;

    @Mixin
    ReaderOption reader = new ReaderOption();

    @Option(names = "--persona", converter = OptionValues.PersonaId.class, paramLabel = "P",
            description = "Persona of the virtual card. Default: the trace's '# persona:' header, else the default persona.")
    String persona;

    @Override
    public Integer call() {
        if (!Files.isRegularFile(trace)) {
            throw new IllegalArgumentException("no such trace file: " + trace);
        }
        TraceFile file = TraceFile.read(trace);
        Persona cardHolder = choosePersona(file);
        Console console = System.console();
        try (GuardedBackend backend = Backends.open(reader.name(), cardHolder)) {
            backend.reset();
            System.out.printf("Replaying %s (%d exchanges) on %s: %s, persona %s%n", trace, file.lines().size(),
                    backend.name(), backend.kind().description(), cardHolder.id());
            TraceReplay.Result result = new TraceReplay(backend.transport(), line -> askForSecret(console, line)).replay(file);
            for (TraceReplay.Outcome outcome : result.outcomes()) {
                if (outcome.kind() != TraceReplay.Outcome.Kind.SAME) {
                    System.out.printf("line %d: %s: %s%n    > %s%n", outcome.line().number(),
                            outcome.kind().name().toLowerCase(java.util.Locale.ROOT), outcome.detail(), outcome.line().shown());
                }
            }
            System.out.println(result.summary());
            if (result.count(TraceReplay.Outcome.Kind.SAME) == 0 && result.differences().isEmpty()) {
                // Nothing was compared (an empty trace, or every exchange skipped): not a success.
                System.err.println("replay: no exchange was replayed, so nothing was compared");
                return MynasimCommand.FAILED;
            }
            return result.differences().isEmpty() ? 0 : 1;
        }
    }

    /** The persona (--persona, else # persona:, else the default) on a card of the trace's # layout:, if it names one. */
    private Persona choosePersona(TraceFile file) {
        String id = persona != null ? persona : file.header().get("persona");
        Persona holder = id == null ? Fixtures.get().personas().defaultPersona() : Fixtures.get().personas().byId(id);
        String layout = file.header().get("layout");
        return layout == null ? holder : holder.withLayout(CardLayout.parse(layout));
    }

    /** Asks only on a terminal, without echo; the value is never printed or kept. */
    private static Optional<byte[]> askForSecret(Console console, TraceFile.Line line) {
        if (console == null) {
            return Optional.empty();
        }
        char[] typed = console.readPassword("line %d sends a masked PIN/password (%d bytes recorded)."
                + " Type it, or press Enter to skip: ", line.number(), line.maskedLength());
        if (typed == null || typed.length == 0) {
            return Optional.empty();
        }
        byte[] secret = new String(typed).getBytes(StandardCharsets.US_ASCII);
        java.util.Arrays.fill(typed, '\0');
        return Optional.of(secret);
    }
}
