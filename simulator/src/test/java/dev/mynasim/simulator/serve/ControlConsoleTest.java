package dev.mynasim.simulator.serve;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.PersonaRepository;
import dev.mynasim.fixtures.pki.TestPki;
import dev.mynasim.simulator.CardProfile;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.VirtualCards;
import dev.mynasim.simulator.fault.ControlledCard;
import dev.mynasim.simulator.fault.Fault;
import dev.mynasim.simulator.fault.LatencyProfile;
import dev.mynasim.simulator.state.CardStateFile;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** serve's control input: every command reaches the card's controls, and bad input is answered, not fatal. */
class ControlConsoleTest {

    @TempDir
    Path dir;

    @Test
    void controlCommandsReachTheCardAndBadInputIsAnswered() {
        PersonaRepository personas = PersonaRepository.load();
        VirtualCard card = VirtualCards.issue(personas.byId("hanako"), TestPki.load(personas), CardProfile.CONTACT);
        ControlledCard controls = ControlledCard.wrap(card);
        CardServer server = new CardServer("hanako", card, controls, new CardStateFile(dir.resolve("s.json"), "hanako"),
                "127.0.0.1", 1, "Virtual PCD test");
        ByteArrayOutputStream output = new ByteArrayOutputStream();
        AtomicBoolean quit = new AtomicBoolean();
        String input = """
                power-loss verify
                latency contact
                short-apdus on
                atr contactless_08
                slow
                pull-out sideways
                frobnicate
                status
                clear
                quit
                status
                """;
        new ControlConsole(server, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(output, true, StandardCharsets.UTF_8), () -> quit.set(true)).run();
        String out = output.toString(StandardCharsets.UTF_8);

        assertTrue(quit.get(), "quit stops the server");
        assertEquals(LatencyProfile.CONTACT, controls.latency().profile());
        assertTrue(controls.reader().isLimited());
        assertEquals(CardProfile.CONTACTLESS_08, card.profile());
        assertTrue(out.contains(Fault.POWER_LOST_AFTER_PROCESSING + " armed for the next VERIFY"), out);
        assertTrue(out.contains("armed fault " + Fault.POWER_LOST_AFTER_PROCESSING), "status shows the armed fault: " + out);
        assertTrue(out.contains("\"slow\" needs an argument"), out);
        assertTrue(out.contains("not \"sideways\""), out);
        assertTrue(out.contains("unknown command \"frobnicate\""), out);
        assertTrue(out.contains("faults cleared"), out);
        assertEquals(null, controls.faults().armed(), "clear disarms");
        assertFalse(out.substring(out.indexOf("faults cleared")).contains("persona hanako"), "nothing runs after quit");
    }
}
