package dev.mynasim.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.client.transport.Apdus;
import dev.mynasim.client.transport.TraceFile;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Decoding and masking of the console's stream: PINs by command, My Number data by the selected file. */
class ApduDecoderTest {

    private static final byte[] OK = Apdus.fromHex("90 00");
    private final ApduDecoder decoder = new ApduDecoder();

    private ApduDecoder.Decoded send(String command, String response) {
        return decoder.decode(Apdus.fromHex(command), Apdus.fromHex(response), null);
    }

    @Test
    void aVerifyIsNamedByTheSelectedPinAndItsDataMasked() {
        assertEquals("JPKI", send("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01", "90 00").application());
        send("00 A4 02 0C 02 00 18", "90 00");
        ApduDecoder.Decoded verify = send("00 20 00 80 04 39 38 37 36", "63 C2");
        assertEquals("VERIFY user-proof PIN → 63C2, 2 tries left", verify.name());
        assertEquals("00 20 00 80 04 ** ** ** **", verify.command());
        assertEquals("VERIFY user-proof PIN → 63C0, 0 tries left (locked)", send("00 20 00 80 04 39 38 37 36", "63 C0").name());
        assertEquals("VERIFY user-proof PIN (tries left?) → 6983, locked", send("00 20 00 80", "69 83").name());
        assertEquals("VERIFY user-proof PIN → 9000, verified", send("00 20 00 80 04 31 32 33 34", "90 00").name());
    }

    @Test
    void aReadIsNamedByFileOffsetAndLength() {
        send("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01", "90 00");
        send("00 A4 02 0C 02 00 0A", "90 00");
        byte[] response = new byte[258];
        response[256] = (byte) 0x90;
        ApduDecoder.Decoded read = decoder.decode(Apdus.fromHex("00 B0 00 00 00"), response, null);
        assertEquals("READ BINARY 000A offset 0 → 256 bytes, 9000", read.name());
        assertFalse(read.withheld());
        assertEquals(Apdus.toHex(response), read.response());
    }

    @Test
    void theMyNumberFileIsWithheldBecauseItIsSelectedNotBecauseOfItsBytes() {
        send("00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08", "90 00");
        send("00 A4 02 0C 02 00 01", "90 00");
        // Data that does not look like the My Number object at all is still withheld: the file decides.
        ApduDecoder.Decoded read = send("00 B0 00 00 00", "01 02 03 04 05 06 90 00");
        assertTrue(read.withheld());
        assertEquals("[6 bytes] 90 00", read.response());
        assertTrue(read.name().contains("withheld"), read.name());
        // The same bytes from another file of the same application are shown.
        send("00 A4 02 0C 02 00 02", "90 00");
        assertEquals("01 02 03 04 05 06 90 00", send("00 B0 00 00 00", "01 02 03 04 05 06 90 00").response());
        // The My Number object from a file that does not hold it is not searched for.
        assertFalse(send("00 B0 00 00 00", "FF 10 0C 31 32 33 34 35 36 37 38 39 30 31 32 90 00").withheld());
    }

    @Test
    void theMyNumberImageIsWithheldAlsoWhenReadByShortIdentifierAndContinued() {
        send("00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 02", "90 00");
        ApduDecoder.Decoded bySfi = send("00 B0 85 00 00", "89 50 4E 47 61 10");
        assertTrue(bySfi.withheld(), "READ BINARY by SFI 5 of the surface AP");
        assertEquals("[4 bytes] 61 10", bySfi.response());
        assertTrue(send("00 C0 00 00 10", "AA BB CC 90 00").withheld(), "GET RESPONSE continues the withheld read");
        assertFalse(send("00 C0 00 00 10", "AA BB CC 90 00").withheld(), "the continuation ended with 9000");
    }

    @Test
    void aPowerCycleForgetsTheSelection() {
        send("00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08", "90 00");
        send("00 A4 02 0C 02 00 01", "90 00");
        decoder.powerCycled();
        ApduDecoder.Decoded read = send("00 B0 00 00 00", "01 02 90 00");
        assertEquals("MF", read.application());
        assertFalse(read.withheld());
    }

    @Test
    void aMissingResponseIsSaidAndTheLinesReadBackAsATrace() {
        ApduDecoder.Decoded failed = decoder.decode(Apdus.fromHex("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01"), null,
                "the card was pulled out during the command");
        assertEquals("(no response: the card was pulled out during the command)", failed.response());
        send("00 A4 04 0C 0A D3 92 10 00 31 00 01 01 04 08", "90 00");
        send("00 A4 02 0C 02 00 01", "90 00");
        ApduDecoder.Decoded withheld = send("00 B0 00 00 00", "01 02 03 90 00");
        ApduDecoder.Decoded verify = send("00 20 00 80 04 39 38 37 36", "63 C2");
        List<String> lines = List.of(
                "# persona: hanako",
                new dev.mynasim.client.transport.ApduTrace.Exchange(failed.command(), failed.response(), 1200).line(),
                new dev.mynasim.client.transport.ApduTrace.Exchange(withheld.command(), withheld.response(), 800).line(),
                new dev.mynasim.client.transport.ApduTrace.Exchange(verify.command(), verify.response(), 900).line());
        TraceFile trace = TraceFile.parse(lines, "console");
        assertTrue(trace.lines().get(0).hadNoResponse());
        assertEquals(3, trace.lines().get(1).dataLength());
        assertEquals(0x9000, trace.lines().get(1).sw());
        assertTrue(trace.lines().get(2).isMasked());
    }

    @Test
    void malformedCommandsAreNamedNotThrown() {
        assertTrue(send("00 A4", "67 00").name().startsWith("malformed"));
        assertEquals("SELECT EF (no FID) → 6700, wrong length", send("00 A4 02 0C", "67 00").name());
        assertEquals(0x9000, Apdus.sw(OK));
        byte[] signature = new byte[258];
        signature[256] = (byte) 0x90;
        assertEquals("SIGN → 256 bytes, 9000", decoder.decode(Apdus.fromHex("80 2A 00 80 01 00 00"), signature, null).name(),
                "named by the card model's instruction table");
        assertEquals("INS 77 → 6D00, instruction not supported", send("00 77 00 00", "6D 00").name());
    }
}
