package dev.mynasim.tools.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.mynasim.fixtures.Persona;
import dev.mynasim.model.CardApplication;
import dev.mynasim.client.backend.Fixtures;
import dev.mynasim.client.pcsc.PcscReaders;
import dev.mynasim.client.pcsc.PcscTransport;
import dev.mynasim.client.transport.Apdus;
import dev.mynasim.simulator.VirtualCard;
import dev.mynasim.simulator.state.CardState;
import dev.mynasim.simulator.vpcd.PcscEnvironment;
import dev.mynasim.simulator.vpcd.RequiresPcsc;
import dev.mynasim.simulator.vpcd.VpcdBridge;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.smartcardio.CardTerminal;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two personas' cards served at once, one in each vpcd slot, driven through pcscd: nothing done to one
 * shows on the other. USES BOTH SLOTS ("Virtual PCD 00 00" and "Virtual PCD 00 01"): do not run it while
 * anything else uses either slot (a soak, a served card, another test run). {@link RequiresPcsc} checks
 * slot 0; slot 1's port is checked here, with the same skip-or-require rule.
 */
@RequiresPcsc
class TwoSlotPcscTest {

    private static final byte[] SELECT_AUTH_PIN = Apdus.command(0x00, 0xA4, 0x02, 0x0C, new byte[] {0x00, 0x18}, -1);
    private static final byte[] SELECT_AUTH_KEY = Apdus.command(0x00, 0xA4, 0x02, 0x0C, new byte[] {0x00, 0x17}, -1);
    private static final byte[] STATUS = Apdus.command(0x00, 0x20, 0x00, 0x80);

    @BeforeAll
    static void slotOne() {
        PcscEnvironment.Status status = PcscEnvironment.check(VpcdBridge.portForSlot(1));
        if (!status.ready()) {
            if ("1".equals(System.getenv(PcscEnvironment.REQUIRE_ENV))) {
                fail("slot 1: " + status.describe());
            }
            Assumptions.abort("slot 1: " + status.describe());
        }
    }

    private static byte[] verify(String value) {
        return Apdus.command(0x00, 0x20, 0x00, 0x80, value.getBytes(StandardCharsets.US_ASCII), -1);
    }

    @Test
    void twoPersonasInTwoSlotsShareNothing() throws Exception {
        Persona hanako = Fixtures.get().personas().byId("hanako");
        Persona ren = Fixtures.get().personas().byId("ren");
        VirtualCard hanakoCard = Fixtures.get().newCard(hanako);
        VirtualCard renCard = Fixtures.get().newCard(ren);
        try (VpcdBridge slot0 = new VpcdBridge(hanakoCard, VpcdBridge.DEFAULT_HOST, VpcdBridge.portForSlot(0)).start();
             VpcdBridge slot1 = new VpcdBridge(renCard, VpcdBridge.DEFAULT_HOST, VpcdBridge.portForSlot(1)).start()) {
            CardTerminal reader0 = PcscReaders.choose("Virtual PCD 00 00");
            CardTerminal reader1 = PcscReaders.choose("Virtual PCD 00 01");
            assertTrue(reader0.waitForCardPresent(10_000), "card in slot 0");
            assertTrue(reader1.waitForCardPresent(10_000), "card in slot 1");
            try (PcscTransport a = PcscTransport.on(reader0).resetOnClose(true);
                 PcscTransport b = PcscTransport.on(reader1).resetOnClose(true)) {
                byte[] selectJpki = Apdus.command(0x00, 0xA4, 0x04, 0x0C, CardApplication.JPKI.aid(), -1);
                for (PcscTransport t : new PcscTransport[] {a, b}) {
                    assertEquals(0x9000, Apdus.sw(t.transceive(selectJpki)));
                    assertEquals(0x9000, Apdus.sw(t.transceive(SELECT_AUTH_PIN)));
                }
                // hanako verified in slot 0; ren's card in slot 1 gets a wrong PIN and still refuses to sign
                assertEquals(0x9000, Apdus.sw(a.transceive(verify(hanako.pins().auth()))));
                assertEquals(0x63C2, Apdus.sw(b.transceive(verify(hanako.pins().auth().equals("0000") ? "1111" : "0000"))));
                assertEquals(0x9000, Apdus.sw(a.transceive(SELECT_AUTH_KEY)));
                assertEquals(0x9000, Apdus.sw(b.transceive(SELECT_AUTH_KEY)));
                byte[] sign = Apdus.command(0x80, 0x2A, 0x00, 0x80,
                        dev.mynasim.client.card.CardClient.sha256DigestInfo("two slots".getBytes(StandardCharsets.UTF_8)), 256);
                assertEquals(0x9000, Apdus.sw(a.transceive(sign)), "slot 0 signs after its own VERIFY");
                assertEquals(0x6982, Apdus.sw(b.transceive(sign)), "slot 1 does not sign on slot 0's VERIFY");
                // counters: each card its own
                assertEquals(0x9000, Apdus.sw(a.transceive(SELECT_AUTH_PIN)));
                assertEquals(0x9000, Apdus.sw(b.transceive(SELECT_AUTH_PIN)));
                assertEquals(0x63C3, Apdus.sw(a.transceive(STATUS)));
                assertEquals(0x63C2, Apdus.sw(b.transceive(STATUS)));
                assertEquals(3, CardState.decode(hanakoCard.exportState()).triesLeft(CardApplication.JPKI.aid()).get(0x18));
                assertEquals(2, CardState.decode(renCard.exportState()).triesLeft(CardApplication.JPKI.aid()).get(0x18));
                // a reset of slot 1 leaves slot 0 verified
                b.reset();
                assertEquals(0x9000, Apdus.sw(a.transceive(SELECT_AUTH_KEY)));
                assertEquals(0x9000, Apdus.sw(a.transceive(sign)), "slot 0 still verified after slot 1's reset");
                // and the challenges differ
                byte[] challenge = Apdus.command(0x00, 0x84, 0x00, 0x00, null, 8);
                a.reset();
                b.reset();
                byte[] ca = a.transceive(challenge);
                byte[] cb = b.transceive(challenge);
                assertEquals(0x9000, Apdus.sw(ca));
                assertEquals(0x9000, Apdus.sw(cb));
                assertNotEquals(Arrays.toString(ca), Arrays.toString(cb));
            }
            // each bridge carried its own slot's traffic
            assertTrue(slot0.apduCount() > 0 && slot1.apduCount() > 0,
                    "APDUs through the bridges: " + slot0.apduCount() + " and " + slot1.apduCount());
        }
    }
}
