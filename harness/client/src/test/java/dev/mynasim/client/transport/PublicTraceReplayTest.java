package dev.mynasim.client.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.client.backend.Backends;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.client.guard.GuardedBackend;
import dev.mynasim.fixtures.CardLayout;
import dev.mynasim.fixtures.Persona;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every public real-card trace under fixtures/traces/ replays on a virtual card of the layout the
 * trace names (# layout:, default short-form) with 0 differences: response bytes compared, except the
 * fields the trace marks random or per-card (??, [N bytes], [per-card bytes]). PINs are typed from the
 * persona (# persona:), so no line is skipped.
 */
class PublicTraceReplayTest {

    private static final Path TRACES = Path.of("fixtures", "traces");

    static Stream<Path> traces() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(TRACES)) {
            // card-reference-examples.trace is the replay demo: it keeps the published sizes and a masked PIN
            // on purpose, and TraceReplayTest pins the differences it shows.
            files = list.filter(p -> p.toString().endsWith(".trace"))
                    .filter(p -> !p.getFileName().toString().equals("card-reference-examples.trace")).sorted().toList();
        }
        assertTrue(files.size() >= 2, "the public traces: " + files);
        return files.stream();
    }

    @ParameterizedTest
    @MethodSource("traces")
    void replaysWithoutDifferences(Path tracePath) {
        TraceFile trace = TraceFile.read(tracePath);
        String personaId = trace.header().get("persona");
        Persona named = personaId == null ? Fixtures.get().personas().defaultPersona() : Fixtures.get().personas().byId(personaId);
        CardLayout layout = CardLayout.parse(trace.header().getOrDefault("layout", CardLayout.DEFAULT.word()));
        Persona persona = named.withLayout(layout);
        Map<Integer, String> secrets = secretsByLine(trace, persona);
        TraceReplay.Result result;
        try (GuardedBackend backend = Backends.open("sim", persona)) {
            backend.reset();
            result = new TraceReplay(backend.transport(), line -> Optional.ofNullable(secrets.get(line.number()))
                    .map(value -> value.getBytes(StandardCharsets.US_ASCII))).replay(trace);
        }
        assertEquals(List.of(), result.differences(), tracePath + ": " + result.summary());
        assertEquals(0, result.count(TraceReplay.Outcome.Kind.SKIPPED), tracePath + ": " + result.summary());
        assertEquals(trace.lines().size(), result.count(TraceReplay.Outcome.Kind.SAME));
    }

    /** For each masked VERIFY, the persona's PIN of the IEF it names (P2 80|SFI) or last selected. */
    private static Map<Integer, String> secretsByLine(TraceFile trace, Persona persona) {
        Map<Integer, String> secrets = new HashMap<>();
        int currentFid = -1;
        for (TraceFile.Line line : trace.lines()) {
            String[] tokens = line.command().trim().split("\\s+", -1);
            if (tokens.length >= 7 && tokens[1].equalsIgnoreCase("A4") && tokens[2].equals("02")) {
                currentFid = Integer.parseInt(tokens[5] + tokens[6], 16);
            }
            if (line.isMasked()) {
                int p2 = Integer.parseInt(tokens[3], 16);
                int fid = p2 == 0x80 ? currentFid : p2 & 0x1F;
                secrets.put(line.number(), switch (fid) {
                    case 0x18 -> persona.pins().auth();
                    case 0x1B -> persona.pins().sign().orElseThrow();
                    case 0x11 -> persona.pins().text();
                    case 0x1C -> persona.pins().juki();
                    default -> throw new IllegalArgumentException(line.number() + ": no PIN known for IEF " + Integer.toHexString(fid));
                });
            }
        }
        return secrets;
    }
}
