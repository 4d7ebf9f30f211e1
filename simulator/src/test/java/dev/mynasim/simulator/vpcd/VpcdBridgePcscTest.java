package dev.mynasim.simulator.vpcd;

import static java.time.Duration.ofSeconds;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bridge through the real pcscd + vpcd, seen from javax.smartcardio like any PC/SC application. */
@RequiresPcsc
class VpcdBridgePcscTest {

    static final String READER = "Virtual PCD 00 00";

    private VpcdBridge bridge;
    private CardTerminal terminal;
    private Card card;

    @BeforeEach
    void terminal() {
        // a fresh context in case an earlier test restarted pcscd under this JVM
        terminal = PcscEnvironment.freshTerminalFactory().terminals().getTerminal(READER);
    }

    @AfterEach
    void stop() throws CardException {
        if (card != null) {
            try {
                card.disconnect(false);
            } catch (CardException | IllegalStateException ignored) {
                // card already gone
            }
        }
        if (bridge != null) {
            bridge.close();
            await().atMost(ofSeconds(3)).until(() -> !present());
        }
    }

    private boolean present() throws CardException {
        return terminal.isCardPresent();
    }

    private TestCard insert(byte[] atr) {
        TestCard testCard = new TestCard(atr);
        bridge = new VpcdBridge(testCard).start();
        await().atMost(ofSeconds(3)).until(bridge::isConnected);
        await().atMost(ofSeconds(3)).until(this::present);
        return testCard;
    }

    @Test
    void contactAtrReachesJavaxSmartcardio() throws CardException {
        insert(TestCard.CONTACT_ATR);
        card = terminal.connect("*");
        assertArrayEquals(TestCard.CONTACT_ATR, card.getATR().getBytes());
        assertEquals("T=1", card.getProtocol());
    }

    @Test
    void contactlessAtrReachesJavaxSmartcardio() throws CardException {
        insert(TestCard.CONTACTLESS_ATR);
        card = terminal.connect("*");
        assertArrayEquals(TestCard.CONTACTLESS_ATR, card.getATR().getBytes());
    }

    @Test
    void apdusRoundTripIncludingAnExtendedOne() throws CardException {
        TestCard testCard = insert(TestCard.CONTACT_ATR);
        card = terminal.connect("*");
        CardChannel ch = card.getBasicChannel();

        byte[] select = TestCard.hex("00A4040C0AD392F000260100000001");
        ResponseAPDU r = ch.transmit(new CommandAPDU(select));
        assertEquals(0x9000, r.getSW());
        assertArrayEquals(select, r.getData());

        byte[] data = new byte[3000];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 7);
        }
        CommandAPDU extended = new CommandAPDU(0x00, 0xD6, 0x00, 0x00, data);
        r = ch.transmit(extended);
        assertEquals(0x9000, r.getSW());
        assertArrayEquals(extended.getBytes(), r.getData());
        assertEquals(2, testCard.apdus.get());
    }

    @Test
    void disconnectWithResetResetsTheCardAndClearsItsState() throws CardException {
        TestCard testCard = insert(TestCard.CONTACT_ATR);
        card = terminal.connect("*");
        CardChannel ch = card.getBasicChannel();
        assertEquals(0x9000, ch.transmit(new CommandAPDU(TestCard.hex("0020008004 31323334"))).getSW());
        assertTrue(testCard.isVerified());
        int resetsBefore = testCard.resets.get();

        card.disconnect(true);
        card = null;
        await().atMost(ofSeconds(3)).until(() -> testCard.resets.get() > resetsBefore);
        assertFalse(testCard.isVerified());

        card = terminal.connect("*");
        assertArrayEquals(TestCard.hex("009000"),
                card.getBasicChannel().transmit(new CommandAPDU(TestCard.hex("80CA0001"))).getBytes());
    }

    @Test
    void disconnectWithoutResetKeepsTheState() throws CardException {
        TestCard testCard = insert(TestCard.CONTACT_ATR);
        card = terminal.connect("*");
        card.getBasicChannel().transmit(new CommandAPDU(TestCard.hex("0020008004 31323334")));
        card.disconnect(false);
        card = terminal.connect("*");
        assertArrayEquals(TestCard.hex("019000"),
                card.getBasicChannel().transmit(new CommandAPDU(TestCard.hex("80CA0001"))).getBytes());
        assertTrue(testCard.isVerified());
    }

    @Test
    void removeAndInsertShowInTheReader() {
        insert(TestCard.CONTACT_ATR);
        bridge.remove();
        await().atMost(ofSeconds(3)).until(() -> !present());
        assertFalse(bridge.isConnected());

        bridge.insert();
        await().atMost(ofSeconds(3)).until(this::present);
        assertTrue(bridge.isConnected());
    }
}
