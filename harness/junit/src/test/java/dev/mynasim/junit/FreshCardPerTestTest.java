package dev.mynasim.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.smartcardio.CardControl;
import dev.mynasim.world.issuer.CertificatePurpose;
import dev.mynasim.world.issuer.TestCertificateAuthority;
import java.util.ArrayList;
import java.util.List;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@MynaCard(persona = "hanako")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FreshCardPerTestTest {

    private static final List<CardTerminal> TERMINALS_SEEN = new ArrayList<>();

    @Test
    @Order(1)
    void aTestCanLockTheUserProofPin(CardTerminal terminal, Persona persona) throws CardException {
        TERMINALS_SEEN.add(terminal);
        CardChannel channel = terminal.connect("*").getBasicChannel();
        for (int i = 0; i < 3; i++) {
            Jpki.verifyUserProofPin(channel, "0000");
        }
        assertEquals(0x6984, Jpki.verifyUserProofPin(channel, persona.pins().auth()), "locked");
    }

    @Test
    @Order(2)
    void theNextTestHasANewCardThatIsNotLocked(CardTerminal terminal, Persona persona) throws CardException {
        TERMINALS_SEEN.add(terminal);
        assertNotSame(TERMINALS_SEEN.get(0), terminal);
        assertEquals(0x9000, Jpki.verifyUserProofPin(terminal.connect("*").getBasicChannel(), persona.pins().auth()));
    }

    @Test
    @Order(3)
    void theControlsTakeTheCardOut(CardTerminal terminal, CardControl control) throws CardException {
        CardChannel channel = terminal.connect("*").getBasicChannel();
        control.remove();
        assertFalse(terminal.isCardPresent());
        assertThrows(CardException.class, () -> Jpki.selectApplication(channel));
        control.insert();
        assertEquals(0x9000, Jpki.selectApplication(terminal.connect("*").getBasicChannel()));
    }

    @Test
    @Order(4)
    @MynaCard(persona = "ren", profile = "contactless")
    void aMethodCanAskForAnotherPersonaAndProfile(CardTerminal terminal, Persona persona, TestCertificateAuthority ca) throws Exception {
        assertEquals("ren", persona.id());
        assertEquals("3B888001000005E0B381A1007F",
                java.util.HexFormat.of().withUpperCase().formatHex(terminal.connect("*").getATR().getBytes()));
        assertEquals(1, ca.recordsOf("ren").stream().filter(r -> r.purpose() == CertificatePurpose.AUTH).count(),
                "the CA knows the persona's user-proof certificate");
    }
}
