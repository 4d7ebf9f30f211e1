package dev.mynasim.client.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14: a hand-written trace with a PIN in clear never shows it, in difference lines or in parse errors. */
class TraceFileMaskingTest {

    private static final String PIN_HEX = "39 38 37 36";

    @Test
    void anUnmaskedPinIsShownMasked() {
        TraceFile trace = TraceFile.parse(List.of("> 00 20 00 80 04 " + PIN_HEX + "  < 63 C2"), "hand.trace");
        assertEquals("00 20 00 80 04 ** ** ** **", trace.lines().get(0).shown());
    }

    @Test
    void parseErrorsDoNotQuoteTheLine() {
        IllegalArgumentException notALine = assertThrows(IllegalArgumentException.class,
                () -> TraceFile.parse(List.of("> 00 20 00 80 04 " + PIN_HEX + " < 90 00 oops"), "hand.trace"));
        assertFalse(notALine.getMessage().contains(PIN_HEX), notALine.getMessage());
        IllegalArgumentException notHex = assertThrows(IllegalArgumentException.class,
                () -> TraceFile.parse(List.of("> 00 20 00 80 04 " + PIN_HEX + " ZZ  < 90 00"), "hand.trace"));
        assertFalse(notHex.getMessage().contains(PIN_HEX), notHex.getMessage());
        assertFalse(notHex.getCause() == null, "the cause is kept for debugging, not printed");
    }
}
