package dev.mynasim.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.simulator.fault.Fault;
import dev.mynasim.smartcardio.CardControl;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.Test;

/** Through the machine's pcscd: skipped with the reason without it, failing instead under MYNASIM_REQUIRE_PCSC=1. */
@MynaCard(via = MynaCard.Via.PCSC)
class PcscCardTest {

    @Test
    void theCardIsInAVpcdSlotOfPcscd(CardTerminal terminal, Persona persona) throws CardException {
        assertTrue(terminal.getName().startsWith("Virtual PCD 00 0"), terminal.getName());
        CardChannel channel = terminal.connect("*").getBasicChannel();
        assertEquals(0x63C2, Jpki.verifyUserProofPin(channel, "0000"));
        assertEquals(0x9000, Jpki.verifyUserProofPin(channel, persona.pins().auth()));
    }

    @Test
    void aFaultThatPullsTheCardOutIsARemovalForPcscd(CardTerminal terminal, CardControl control) throws CardException {
        CardChannel channel = terminal.connect("*").getBasicChannel();
        control.injectFault(Fault.PULLED_OUT_DURING_COMMAND);
        // A real reader reports SCARD_W_REMOVED_CARD (CardException); through vpcd the JDK gets an empty
        // answer and throws IllegalArgumentException. Either way the command fails and the card is gone.
        assertThrows(Exception.class, () -> Jpki.selectApplication(channel));
        assertTrue(terminal.waitForCardAbsent(5_000));
        control.insert();
        assertEquals(0x9000, Jpki.selectApplication(terminal.connect("*").getBasicChannel()));
        control.remove();
        assertFalse(terminal.isCardPresent());
    }
}
