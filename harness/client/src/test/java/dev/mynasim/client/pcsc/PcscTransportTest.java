package dev.mynasim.client.pcsc;

import dev.mynasim.simulator.vpcd.RequiresPcsc;
import dev.mynasim.simulator.vpcd.TestCard;

import static java.time.Duration.ofSeconds;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.client.transport.TransportException;
import dev.mynasim.simulator.vpcd.VpcdBridge;

import java.util.HexFormat;

import javax.smartcardio.CardTerminal;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** PcscTransport through the real pcscd, with a stand-in card on vpcd slot 0 through VpcdBridge. */
@RequiresPcsc
class PcscTransportTest {

    private static final String READER = "Virtual PCD 00 00";
    private static final HexFormat HEX = HexFormat.of();

    private VpcdBridge bridge;
    private PcscTransport transport;

    @BeforeEach
    void insertCard() {
        bridge = new VpcdBridge(new TestCard(TestCard.CONTACT_ATR)).start();
        CardTerminal terminal = PcscReaders.choose(READER);
        await().atMost(ofSeconds(3)).until(terminal::isCardPresent);
    }

    @AfterEach
    void stop() {
        if (transport != null) {
            transport.close();
        }
        if (bridge == null) {
            return;
        }
        bridge.close();
        CardTerminal terminal = PcscReaders.choose(READER);
        await().atMost(ofSeconds(3)).until(() -> !terminal.isCardPresent());
    }

    @Test
    void choosesByExactNameFragmentAndIndex() {
        assertEquals(READER, PcscReaders.choose(READER).getName());
        assertEquals(READER, PcscReaders.choose("virtual pcd 00 00").getName());
        assertEquals(READER, PcscReaders.choose(String.valueOf(PcscReaders.names().indexOf(READER))).getName());
        assertEquals(READER, PcscReaders.choose("PCD 00 00").getName());
    }

    @Test
    void unknownReaderListsTheReadersThatExist() {
        ReaderNotFoundException e = assertThrows(ReaderNotFoundException.class,
                () -> PcscReaders.choose("No Such Reader"));
        assertTrue(e.getMessage().contains(READER), e.getMessage());
    }

    @Test
    void apduRoundTripAndAtr() {
        transport = PcscTransport.open(READER);
        assertArrayEquals(TestCard.CONTACT_ATR, transport.atr());
        assertEquals("T=1", transport.protocol());
        byte[] select = HEX.parseHex("00a4040c0ad392f000260100000001");
        byte[] r = transport.transceive(select);
        assertEquals(HEX.formatHex(select) + "9000", HEX.formatHex(r));
    }

    @Test
    void theTransportIsRawAndLeaves61xxToTheCaller() {
        transport = PcscTransport.open(READER);
        assertEquals("6110", HEX.formatHex(transport.transceive(HEX.parseHex("80c1000000"))));
    }

    @Test
    void resetClearsTheCardStateAndCloseDoesNot() {
        transport = PcscTransport.open(READER);
        transport.transceive(HEX.parseHex("002000800431323334"));
        assertEquals("019000", HEX.formatHex(transport.transceive(HEX.parseHex("80ca0001"))));
        transport.close();
        transport = PcscTransport.open(READER);
        assertEquals("019000", HEX.formatHex(transport.transceive(HEX.parseHex("80ca0001"))));
        transport.reset();
        assertEquals("009000", HEX.formatHex(transport.transceive(HEX.parseHex("80ca0001"))));
    }

    @Test
    void removalDuringASessionIsReportedAndTheTransportRecoversAfterInsertion() {
        transport = PcscTransport.open(READER);
        assertEquals("9000", HEX.formatHex(transport.transceive(HEX.parseHex("002000800431323334"))));
        CardTerminal terminal = PcscReaders.choose(READER);

        bridge.remove();
        await().atMost(ofSeconds(3)).until(() -> !terminal.isCardPresent());
        CardLostException lost = assertThrows(CardLostException.class,
                () -> transport.transceive(HEX.parseHex("80ca0001")));
        assertTrue(lost.getMessage().contains("removed"), lost.getMessage());
        assertTrue(lost.removed());
        TransportException noCard = assertThrows(TransportException.class,
                () -> transport.transceive(HEX.parseHex("80ca0001")));
        assertTrue(noCard.getMessage().contains("no card"), noCard.getMessage());

        bridge.insert();
        await().atMost(ofSeconds(3)).until(terminal::isCardPresent);
        assertEquals("009000", HEX.formatHex(transport.transceive(HEX.parseHex("80ca0001"))));
    }
}
