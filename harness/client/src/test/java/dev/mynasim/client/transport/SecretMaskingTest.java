package dev.mynasim.client.transport;

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
    }

    @Test
    void theOfficeCommandsThatCarrySecretsAreMasked() {
        assertEquals("00 2C 02 98 04 ** ** ** **", SecretMasking.describe(Apdus.fromHex("00 2C 02 98 04 34 33 32 31")),
                "RESET RETRY COUNTER carries the new PIN");
        assertEquals("80 DB 10 00 10" + " **".repeat(16),
                SecretMasking.describe(Apdus.fromHex("80 DB 10 00 10 00 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F")),
                "SET KEY carries the issuer key");
        // The EXTERNAL AUTHENTICATE cryptogram is a one-time MAC of a one-time challenge: it tells nothing about the key.
        assertEquals("00 82 00 81 02 AB CD", SecretMasking.describe(Apdus.fromHex("00 82 00 81 02 AB CD")));
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
