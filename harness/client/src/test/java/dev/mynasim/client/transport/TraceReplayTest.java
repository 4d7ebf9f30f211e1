package dev.mynasim.client.transport;

import dev.mynasim.model.CardFile;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.backend.Backends;
import dev.mynasim.client.card.CardClient;
import dev.mynasim.model.KeyRef;
import dev.mynasim.model.Pin;
import dev.mynasim.client.card.ReadMethod;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.client.guard.GuardedBackend;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Differential replay of a trace recorded from the simulator, against a fresh simulated card. */
class TraceReplayTest {

    private final Persona persona = Fixtures.get().personas().defaultPersona();

    /** A session recorded from a virtual card: certificate read, tries query, signing refused, optionally a VERIFY. */
    private List<String> recordedSession(boolean withVerify) {
        ApduTrace trace = new ApduTrace();
        try (GuardedBackend backend = Backends.open("sim", persona)) {
            backend.reset();
            trace.note("persona: " + persona.id());
            CardClient client = new CardClient(new GetResponseTransport(new TracingTransport(backend.transport(), trace)));
            client.readCertificate(CardFile.AUTH_CERTIFICATE.fid(), ReadMethod.FOUR_BYTE_HEADER);
            client.triesLeft(Pin.AUTH);
            if (withVerify) {
                client.verify(Pin.AUTH, persona.pins().auth());
            }
            client.sign(KeyRef.AUTH, CardClient.sha256DigestInfo("replay".getBytes(StandardCharsets.UTF_8)));
        }
        return new ArrayList<>(trace.render().lines().toList());
    }

    private TraceReplay.Result replay(List<String> text, Optional<String> typedPin) {
        TraceFile file = TraceFile.parse(text, "recorded");
        try (GuardedBackend backend = Backends.open("sim", persona)) {
            backend.reset();
            return new TraceReplay(backend.transport(),
                    line -> typedPin.map(pin -> pin.getBytes(StandardCharsets.US_ASCII))).replay(file);
        }
    }

    @Test
    void aTraceFromTheSimulatorReplaysWithoutDifferences() {
        TraceReplay.Result result = replay(recordedSession(false), Optional.empty());
        assertTrue(result.differences().isEmpty(), result.summary() + " " + result.differences());
        assertEquals(0, result.count(TraceReplay.Outcome.Kind.SKIPPED));
    }

    @Test
    void oneChangedStatusWordIsReportedOnExactlyItsLine() {
        List<String> text = recordedSession(false);
        int changed = -1;
        for (int i = 0; i < text.size(); i++) {
            if (text.get(i).startsWith("> 00 A4 02 0C 02 00 18")) {
                text.set(i, text.get(i).replace("< 90 00", "< 6A 82"));
                changed = i + 1;
                break;
            }
        }
        TraceReplay.Result result = replay(text, Optional.empty());
        assertEquals(1, result.differences().size(), result.differences().toString());
        assertEquals(changed, result.differences().get(0).line().number());
        assertTrue(result.differences().get(0).detail().contains("recorded SW 6A82"), result.differences().get(0).detail());
    }

    @Test
    void aMaskedVerifyIsSkippedWithoutASecretAndReplayedWithOne() {
        List<String> text = recordedSession(true);
        assertFalse(String.join("\n", text).contains(hex(persona.pins().auth())), "the trace never holds the PIN");

        TraceReplay.Result skipped = replay(text, Optional.empty());
        assertEquals(1, skipped.count(TraceReplay.Outcome.Kind.SKIPPED));
        assertEquals(1, skipped.differences().size(), "without the VERIFY the signature is refused: " + skipped.differences());

        TraceReplay.Result typed = replay(text, Optional.of(persona.pins().auth()));
        assertTrue(typed.differences().isEmpty(), typed.differences().toString());
    }

    @Test
    void theShippedSampleTraceReplaysWithTheDifferencesItIsMeantToShow() {
        TraceReplay.Result result = replay(readLines("fixtures/traces/card-reference-examples.trace"), Optional.empty());
        assertEquals(8, result.outcomes().size());
        assertEquals(1, result.count(TraceReplay.Outcome.Kind.SKIPPED), "the masked VERIFY");
        assertEquals(List.of(11, 15), result.differences().stream().map(d -> d.line().number()).toList(),
                "the published certificate is longer than MynaSim's; without the PIN the signature is refused");
    }

    private static List<String> readLines(String path) {
        try {
            return java.nio.file.Files.readAllLines(java.nio.file.Path.of(path));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static String hex(String ascii) {
        return Apdus.toHex(ascii.getBytes(StandardCharsets.US_ASCII));
    }
}
