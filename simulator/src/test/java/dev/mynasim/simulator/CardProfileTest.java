package dev.mynasim.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The ATRs of docs/card-reference.md §8.1 and §8.2: well-formed, with the checks a reader makes. */
class CardProfileTest {

    @Test
    void everyAtrThatCarriesATckHasItRight() {
        for (CardProfile profile : CardProfile.values()) {
            byte[] atr = profile.atr();
            assertEquals(0x3B, atr[0] & 0xFF, profile + ": direct convention");
            // T=1 is announced, so TCK is present: XOR of T0..TCK is 0 (ISO 7816-3 §8.2.5).
            int xor = 0;
            for (int i = 1; i < atr.length; i++) {
                xor ^= atr[i] & 0xFF;
            }
            assertEquals(0, xor, profile.label() + ": TCK");
        }
    }

    @Test
    void contactlessAtrsAreSynthesisedPcscPart3Atrs() {
        for (CardProfile profile : CardProfile.values()) {
            if (!profile.isContact()) {
                assertEquals("3B888001", java.util.HexFormat.of().withUpperCase().formatHex(profile.atr()).substring(0, 8));
            }
        }
    }

    @Test
    void namesAreForgivingAndUnknownNamesListTheKnownOnes() {
        assertEquals(CardProfile.CONTACT_03, CardProfile.named("contact-03"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> CardProfile.named("t=0"));
        assertTrue(e.getMessage().contains("contactless-09"), e.getMessage());
    }
}
