package dev.mynasim.applet;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The identification marker {@code 80 CA 4D 53 00}: "MynaSim", format 01, and the virtual-card form byte. */
class IdentificationMarkerTest {

    private static final String MARKER = "80CA4D5300";

    @Test
    void aCardWithoutTheVirtualOptionSaysPhysical() {
        TestCard card = TestCard.personalised();
        assertEquals("4D53094D796E6153696D01009000", HexFormat.of().withUpperCase().formatHex(card.send(MARKER)));
    }

    @Test
    void theVirtualOptionSetAtPersonalisationSaysVirtual() {
        TestCard card = new TestCard();
        card.expect("00A4040C0A" + TestCard.JPKI_AID, 0x9000);
        card.expect("80DC00060101", 0x9000);
        card.personalise(true);
        assertEquals("4D53094D796E6153696D01019000", HexFormat.of().withUpperCase().formatHex(card.send(MARKER)));
    }

    @Test
    void otherTagsAndTheVirtualOptionAfterLockAreRefused() {
        TestCard card = TestCard.personalised();
        card.expect("80CA4D5400", 0x6A86);
        card.expect("80DC00060101", 0x6982);
        card.expect("80DC0006020101", 0x6982);
    }

    @Test
    void theVirtualFlagIsAOneByteBoolean() {
        TestCard card = new TestCard();
        card.expect("00A4040C0A" + TestCard.JPKI_AID, 0x9000);
        card.expect("80DC00060102", 0x6A80);
        card.expect("80DC0006020101", 0x6700);
    }
}
