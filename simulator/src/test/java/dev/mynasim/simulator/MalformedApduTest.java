package dev.mynasim.simulator;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.mynasim.fixtures.PersonaRepository;
import dev.mynasim.fixtures.pki.TestPki;
import java.util.HexFormat;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Regressions found by the fuzzer (docs/reliability.md): APDUs whose lengths do not add up, and a
 * full short case 4 (Lc 255 and Le), answered 6F00 from inside jCardSim instead of an ISO status word.
 */
class MalformedApduTest {

    private static VirtualCard card;

    @BeforeAll
    static void issue() {
        PersonaRepository personas = PersonaRepository.load();
        card = VirtualCards.issue(personas.byId("hanako"), TestPki.load(personas), CardProfile.CONTACT);
    }

    private static int sw(String hex) {
        byte[] response = card.transmit(HexFormat.of().parseHex(hex.replace(" ", "")));
        return ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
    }

    @Test
    void lengthsThatDoNotAddUpAnswerWrongLength() {
        card.reset();
        // Random bytes at the MF level: Lc 03 with 27 bytes of data.
        assertEquals(0x6700, sw("FD 4E CD 95 03 C1 CC FB 86 2C 28 E0 9B CD 94 C5 AB 75 4D CE 1B 58 8D C8 0D 15 46 38 A7 EE 42 6E"));
        assertEquals(0x6700, sw("00 A4 04 0C 0B D392F000260100000001"), "Lc 11 with 10 bytes");
        assertEquals(0x9000, sw("00 A4 04 0C 0A D392F000260100000001 "));
        assertEquals(0x6700, sw("00 B0 00 00 00 00"), "extended form with only one Le byte");
        assertEquals(0x6700, sw("00 20 00 80 00 00 05 31 32"), "extended Lc 5 with 2 bytes");
        assertEquals(0x6700, sw("00 20 00 80 00 00 00 31"), "extended Lc 0");
    }

    @Test
    void aFullShortCaseFourAnswersAStatusWord() {
        card.reset();
        sw("00 A4 04 0C 0A D3921000310001010408");
        // jCardSim's APDU buffer is 260 bytes: the 261-byte short form gets 6700, the extended form passes.
        assertEquals(0x6700, sw("80 2A 00 80 FF" + "53".repeat(255) + "00"));
        assertEquals(0x6986, sw("80 2A 00 80 00 00 FF" + "53".repeat(255) + "00 00"), "reaches the applet, which refuses it for want of a selected key (6986)");
    }

    /**
     * One class-byte rule: a SELECT by AID (routed by the simulator), a SELECT by FID and a READ
     * BINARY (answered by the applet) get the same answer for every CLA, and 20-3F, A0-BF answer 6E00.
     */
    @Test
    void everyClassGetsTheSameAnswerFromTheSimulatorAndTheApplet() {
        for (int cla = 0; cla < 0x100; cla++) {
            String c = String.format("%02X", cla);
            card.reset();
            int byAid = sw(c + " A4 04 0C 0A D3921000310001010408");
            card.reset();
            sw("00 A4 04 0C 0A D3921000310001010408");
            int byFid = sw(c + " A4 02 0C 02 0005");
            assertEquals(Integer.toHexString(byFid), Integer.toHexString(byAid), "SELECT with CLA " + c);
            card.reset();
            sw("00 A4 04 0C 0A D3921000310001010408");
            sw("00 A4 02 0C 02 0005");
            int read = sw(c + " B0 00 00 01");
            if ((cla & 0xE0) == 0x20 || (cla & 0xE0) == 0xA0) {
                assertEquals(0x6E00, byAid, "CLA " + c + " is no class the card knows");
                assertEquals(0x6E00, read, "READ BINARY with CLA " + c);
            }
        }
    }

    /**
     * Issue 14: any APDU a reader can carry, up to extended Lc 65,535, gets an ISO status word. jCardSim
     * reads the extended Lc as a signed short and threw "Invalid extended C-APDU" above 32,767 (6F00 and
     * a stack trace); every INS, in every application and at the MF level, with Lc and Le at the edges.
     */
    @Test
    void everyLengthUpToExtendedLc65535AnswersAStatusWordOtherThan6F00() {
        java.util.logging.Logger jcardsimLog = java.util.logging.Logger.getLogger(VirtualCard.class.getName());
        java.util.List<String> logged = new java.util.ArrayList<>();
        java.util.logging.Handler catcher = new java.util.logging.Handler() {
            @Override public void publish(java.util.logging.LogRecord r) { logged.add(r.getMessage()); }
            @Override public void flush() { }
            @Override public void close() { }
        };
        jcardsimLog.addHandler(catcher);
        try {
            String[] selects = {null, "00 A4 04 0C 0A D392F000260100000001", "00 A4 04 0C 0A D3921000310001010408",
                "00 A4 04 0C 0A D3921000310001010402", "00 A4 04 0C 0A D3921000310001010401", "00 A4 04 0C 0A D3921000310001010100"};
            int[] lcs = {1, 255, 256, 4096, 32767, 32768, 32769, 40000, 65534, 65535};
            for (String select : selects) {
                for (int ins = 0; ins < 256; ins++) {
                    for (int lc : lcs) {
                        for (boolean withLe : new boolean[] {false, true}) {
                            card.reset();
                            if (select != null) {
                                sw(select);
                            }
                            byte[] command = new byte[7 + lc + (withLe ? 2 : 0)];
                            command[0] = 0x00;
                            command[1] = (byte) ins;
                            command[5] = (byte) (lc >> 8);
                            command[6] = (byte) lc;
                            java.util.Arrays.fill(command, 7, 7 + lc, (byte) 0x31);
                            byte[] response = card.transmit(command);
                            int sw = ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
                            String what = String.format("INS %02X, Lc %d%s, after %s", ins, lc, withLe ? " and Le" : "", select);
                            org.junit.jupiter.api.Assertions.assertNotEquals(0x6F00, sw, what);
                            org.junit.jupiter.api.Assertions.assertTrue(sw >= 0x6100 && sw <= 0x9FFF, what + ": " + Integer.toHexString(sw));
                        }
                    }
                }
            }
        } finally {
            jcardsimLog.removeHandler(catcher);
        }
        assertEquals(java.util.List.of(), logged, "nothing logged as an unexpected exception");
    }
}
