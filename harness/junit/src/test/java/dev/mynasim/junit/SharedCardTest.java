package dev.mynasim.junit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mynasim.fixtures.Persona;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

@MynaCard(scope = MynaCard.Scope.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SharedCardTest {

    @Test
    @Order(1)
    void aWrongPinSpendsATry(CardTerminal terminal) throws CardException {
        assertEquals(0x63C2, Jpki.verifyUserProofPin(terminal.connect("*").getBasicChannel(), "0000"));
    }

    @Test
    @Order(2)
    void theNextTestOfTheClassSeesTheSameCard(CardTerminal terminal, Persona persona) throws CardException {
        assertEquals("hanako", persona.id(), "the default persona");
        assertEquals(0x63C1, Jpki.verifyUserProofPin(terminal.connect("*").getBasicChannel(), "0000"));
    }
}
