package dev.mynasim.client.guard;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.client.backend.SimBackend;
import dev.mynasim.client.card.CardClient;
import dev.mynasim.model.Pin;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.client.transport.Apdus;
import dev.mynasim.client.transport.Transport;
import dev.mynasim.simulator.VirtualCard;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

/** The card guard against a test double that answers the marker like a real My Number Card. */
class CardGuardTest {

    private final Persona persona = Fixtures.get().personas().defaultPersona();
    private final VirtualCard card = Fixtures.get().newCard(persona);

    /** Every status word the card itself gave to a VERIFY with data, below the guard. */
    private final List<Integer> verifyAnswers = new ArrayList<>();

    private GuardedBackend pretendRealCard(boolean destructiveAllowed) {
        SimBackend raw = new SimBackend(new PretendRealCard(card));
        return GuardedBackend.protect(raw, destructiveAllowed);
    }

    private CardClient clientOn(GuardedBackend backend) {
        Transport guarded = backend.transport();
        return new CardClient(guarded);
    }

    /** The card's own count, read on the simulator directly (no guard, no identification). */
    private int triesLeftOnTheCard(Pin pin) {
        return new CardClient(card::transmit).triesLeft(pin);
    }

    @Test
    void identifiesAVirtualCardAPretendRealCardAndAPhysicalMynaSimCard() {
        assertEquals(CardKind.VIRTUAL_MYNASIM, CardIdentification.identify(card::transmit));
        assertEquals(CardKind.OTHER, CardIdentification.identify(new PretendRealCard(card)::transmit));
        assertEquals(CardKind.PHYSICAL_MYNASIM,
                CardIdentification.classify(Apdus.fromHex("4D 53 09 4D 79 6E 61 53 69 6D 01 00 90 00")));
        assertEquals(CardKind.OTHER, CardIdentification.classify(Apdus.fromHex("6E 00")));
    }

    @Test
    void aDestructiveRunIsRefusedAsASkipOnACardThatIsNotVirtual() {
        GuardedBackend backend = pretendRealCard(false);
        TestAbortedException refusal = assertThrows(TestAbortedException.class,
                () -> backend.refuseDestructiveRun("this @destructive scenario"));
        assertTrue(refusal.getMessage().contains("--allow-destructive"), refusal.getMessage());
        assertDoesNotThrow(() -> GuardedBackend.protect(new SimBackend(card), false).refuseDestructiveRun("it"));
    }

    @Test
    void withoutPermissionAPinChangeIsRefusedAndThePinStaysAsItWas() {
        CardClient client = clientOn(pretendRealCard(false));
        String pin = persona.pins().auth();
        GuardRefusal refusal = assertThrows(GuardRefusal.class, () -> client.changePin(Pin.AUTH, pin, "4321"));
        assertFalse(refusal.getMessage().contains(pin), "a refusal never shows the PIN");
        assertTrue(client.verify(Pin.AUTH, pin).ok(), "the old PIN still works");
    }

    @Test
    void withPermissionEveryVerifySentLeavesAtLeastOneTry() {
        GuardedBackend backend = pretendRealCard(true);
        Transport recordingGuard = new LastTryGuard(command -> {
            byte[] response = backend.unguarded().transport().transceive(command);
            if ((command[1] & 0xFF) == 0x20 && command.length > 5) {
                verifyAnswers.add(Apdus.sw(response));
            }
            return response;
        }, backend.kind(), true);
        CardClient client = new CardClient(recordingGuard);

        int refused = 0;
        int attempts = Pin.AUTH.maxTries() + 2;
        for (int attempt = 0; attempt < attempts; attempt++) {
            try {
                client.verify(Pin.AUTH, "0000".equals(persona.pins().auth()) ? "9999" : "0000");
            } catch (GuardRefusal expected) {
                refused++;
            }
        }

        assertEquals(List.of(0x63C2, 0x63C1), verifyAnswers, "only the wrong VERIFYs that left a try reached the card");
        assertEquals(attempts - 2, refused, "every attempt once one try was left was refused");
        assertEquals(1, triesLeftOnTheCard(Pin.AUTH), "the last try is never spent");
    }

    @Test
    void onAVirtualCardTheGuardLetsADestructiveRunLockThePin() {
        CardClient client = clientOn(GuardedBackend.protect(new SimBackend(card), false));
        for (int i = 0; i < Pin.AUTH.maxTries(); i++) {
            client.verify(Pin.AUTH, "0000".equals(persona.pins().auth()) ? "9999" : "0000");
        }
        assertEquals(0, triesLeftOnTheCard(Pin.AUTH));
    }
}
