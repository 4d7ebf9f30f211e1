package dev.mynasim.harness.transport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class SecretMaskingTest {

    @Test
    void pinCarryingCommandsAreMaskedShortAndExtended() {
        assertEquals("00 20 00 80 04 ** ** ** **", SecretMasking.describe(Apdus.fromHex("00 20 00 80 04 31 32 33 34")));
        assertEquals("00 24 01 80 00 00 04 ** ** ** **", SecretMasking.describe(Apdus.fromHex("00 24 01 80 00 00 04 35 36 37 38")));
        assertEquals("80 32 00 80 04 ** ** ** **", SecretMasking.describe(Apdus.fromHex("80 32 00 80 04 35 36 37 38")));
        assertEquals("80 DA 00 18 05 ** ** ** ** **", SecretMasking.describe(Apdus.fromHex("80 DA 00 18 05 FF 31 32 33 34")));
        assertEquals("00 20 00 80", SecretMasking.describe(Apdus.fromHex("00 20 00 80")), "an empty VERIFY has nothing to hide");
        assertEquals("00 B0 00 00 04", SecretMasking.describe(Apdus.fromHex("00 B0 00 00 04")));
    }

    @Test
    void theMyNumberInAResponseIsMasked() {
        String described = SecretMasking.describeResponse(Apdus.fromHex("FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 38 FF FF 90 00"));
        assertEquals("FF 10 0C ** ** ** ** ** ** ** ** ** ** ** ** FF FF 90 00", described);
        assertFalse(described.contains("31 32"));
        assertEquals("30 82 06 1F 90 00", SecretMasking.describeResponse(Apdus.fromHex("30 82 06 1F 90 00")));
        assertEquals("FF 10 90 00", SecretMasking.describeResponse(Apdus.fromHex("FF 10 90 00")), "too short to hold a My Number");
    }
}
