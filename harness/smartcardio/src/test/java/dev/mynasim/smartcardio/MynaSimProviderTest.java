package dev.mynasim.smartcardio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.mynasim.model.CardApplication;
import dev.mynasim.model.CardFile;
import dev.mynasim.model.KeyRef;
import dev.mynasim.model.Pin;
import dev.mynasim.simulator.fault.Fault;
import dev.mynasim.simulator.fault.LatencyProfile;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardNotPresentException;
import javax.smartcardio.CardTerminal;
import javax.smartcardio.CardTerminals;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;
import javax.smartcardio.TerminalFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The provider through javax.smartcardio only, as an application would use it. */
class MynaSimProviderTest {

    private static final byte[] JPKI_AID = CardApplication.JPKI.aid();
    private static final int USER_PROOF_CERTIFICATE = CardFile.AUTH_CERTIFICATE.fid();
    private static final int USER_PROOF_PIN = Pin.AUTH.fid();
    private static final int USER_PROOF_KEY = KeyRef.AUTH.fid();
    /** DigestInfo prefix of SHA-256 (RFC 8017 §9.2). */
    private static final byte[] SHA256_PREFIX = HexFormat.of().parseHex("3031300d060960864801650304020105000420");

    private MynaSimReaders readers;

    @BeforeAll
    static void install() {
        MynaSimProvider.install();
    }

    @AfterEach
    void close() {
        if (readers != null) {
            readers.close();
        }
    }

    private CardTerminals terminals(MynaSimReaders readers) throws Exception {
        this.readers = readers;
        return TerminalFactory.getInstance("MynaSim", readers).terminals();
    }

    @Test
    void listsOneReaderPerPersonaWithACardInEach() throws Exception {
        CardTerminals terminals = terminals(MynaSimReaders.of("hanako", "ren"));
        List<CardTerminal> all = terminals.list();
        assertEquals(List.of("MynaSim Virtual Reader 00", "MynaSim Virtual Reader 01"), all.stream().map(CardTerminal::getName).toList());
        assertEquals(2, terminals.list(CardTerminals.State.CARD_PRESENT).size());
        assertEquals("ren", readers.reader("MynaSim Virtual Reader 01").persona().id());
        Card card = all.get(0).connect("*");
        assertEquals("T=1", card.getProtocol());
        assertEquals("3BE000FF8131FE4514", HexFormat.of().withUpperCase().formatHex(card.getATR().getBytes()));
    }

    @Test
    void signsWithTheUserProofKeyAndTheSignatureVerifiesWithTheCertificateRead() throws Exception {
        CardTerminal terminal = terminals(MynaSimReaders.of("hanako")).list().get(0);
        CardChannel channel = terminal.connect("T=1").getBasicChannel();
        select(channel, 0x04, JPKI_AID);
        X509Certificate certificate = readCertificate(channel);
        select(channel, 0x02, fid(USER_PROOF_PIN));
        String pin = readers.reader(0).persona().pins().auth();
        assertEquals(0x9000, channel.transmit(new CommandAPDU(0x00, 0x20, 0x00, 0x80, pin.getBytes(StandardCharsets.US_ASCII))).getSW());
        select(channel, 0x02, fid(USER_PROOF_KEY));
        byte[] message = "MynaSim provider test".getBytes(StandardCharsets.UTF_8);
        byte[] digestInfo = concat(SHA256_PREFIX, MessageDigest.getInstance("SHA-256").digest(message));
        ResponseAPDU signed = channel.transmit(new CommandAPDU(0x80, 0x2A, 0x00, 0x80, digestInfo, 256));
        assertEquals(0x9000, signed.getSW());
        Signature verifier = Signature.getInstance("SHA256withRSA");
        verifier.initVerify(certificate.getPublicKey());
        verifier.update(message);
        assertTrue(verifier.verify(signed.getData()), "the card's signature verifies with the certificate it holds");
    }

    @Test
    void eachReadersObjectIssuesItsOwnCards() throws Exception {
        CardChannel first = terminals(MynaSimReaders.of("hanako")).list().get(0).connect("*").getBasicChannel();
        for (int i = 0; i < 3; i++) {
            wrongUserProofPin(first);
        }
        String pin = readers.reader(0).persona().pins().auth();
        assertEquals(0x6984, first.transmit(new CommandAPDU(0x00, 0x20, 0x00, 0x80, pin.getBytes(StandardCharsets.US_ASCII))).getSW(),
                "locked after three wrong PINs: even the right one is refused");
        readers.close();
        CardChannel second = terminals(MynaSimReaders.of("hanako")).list().get(0).connect("*").getBasicChannel();
        assertEquals(0x63C2, wrongUserProofPin(second), "a new MynaSimReaders has a new card");
    }

    @Test
    void aRemovedCardFailsItsConnectionAndWaitForChangeReportsRemovalThenInsertion() throws Exception {
        CardTerminals terminals = terminals(MynaSimReaders.of("hanako"));
        CardTerminal terminal = terminals.list().get(0);
        Card card = terminal.connect("*");
        CardChannel channel = card.getBasicChannel();
        select(channel, 0x04, JPKI_AID);
        assertFalse(terminals.waitForChange(1), "nothing changed since the first call");

        CompletableFuture<Void> pulled = CompletableFuture.runAsync(() -> readers.reader(0).remove());
        assertTrue(terminals.waitForChange(10_000));
        pulled.get(10, TimeUnit.SECONDS);
        assertEquals(List.of(terminal.getName()), names(terminals.list(CardTerminals.State.CARD_REMOVAL)));
        assertTrue(terminals.list(CardTerminals.State.CARD_INSERTION).isEmpty());
        assertFalse(terminal.isCardPresent());
        assertTrue(terminal.waitForCardAbsent(0));
        assertThrows(CardException.class, () -> channel.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, JPKI_AID)));
        assertThrows(CardNotPresentException.class, () -> terminal.connect("*"));

        readers.reader(0).insert();
        assertTrue(terminals.waitForChange(0));
        assertEquals(List.of(terminal.getName()), names(terminals.list(CardTerminals.State.CARD_INSERTION)));
        assertTrue(terminal.waitForCardPresent(0));
        assertThrows(CardException.class, () -> channel.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, JPKI_AID)),
                "a connection does not survive its card leaving, even when it comes back");
        CardChannel again = terminal.connect("*").getBasicChannel();
        select(again, 0x04, JPKI_AID);
        assertFalse(terminals.waitForChange(1));
    }

    @Test
    void exclusiveAccessShutsOutOtherConnectionsAndOtherThreadsUntilItEnds() throws Exception {
        CardTerminal terminal = terminals(MynaSimReaders.of("hanako")).list().get(0);
        Card holder = terminal.connect("*");
        Card other = terminal.connect("*");
        holder.beginExclusive();
        assertThrows(CardException.class, holder::beginExclusive);
        CommandAPDU select = new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, JPKI_AID);
        CardException shut = assertThrows(CardException.class, () -> other.getBasicChannel().transmit(select));
        assertTrue(shut.getMessage().contains("SCARD_E_SHARING_VIOLATION"), shut.getMessage());
        CompletableFuture<Integer> fromAnotherThread = CompletableFuture.supplyAsync(() -> {
            try {
                return holder.getBasicChannel().transmit(select).getSW();
            } catch (CardException e) {
                return -1;
            }
        });
        assertEquals(-1, fromAnotherThread.get(10, TimeUnit.SECONDS));
        assertEquals(0x9000, holder.getBasicChannel().transmit(select).getSW());

        CompletableFuture<Integer> waiting = CompletableFuture.supplyAsync(() -> {
            try {
                other.beginExclusive();
                int sw = other.getBasicChannel().transmit(select).getSW();
                other.endExclusive();
                return sw;
            } catch (CardException e) {
                return -1;
            }
        });
        holder.endExclusive();
        assertEquals(0x9000, waiting.get(10, TimeUnit.SECONDS));
        assertThrows(IllegalStateException.class, holder::endExclusive);
    }

    @Test
    void controlCommandsFindAReaderWithoutFeatures() throws Exception {
        Card card = terminals(MynaSimReaders.of("hanako")).list().get(0).connect("*");
        assertArrayEquals(new byte[0], card.transmitControlCommand(VirtualCardHandle.GET_FEATURE_REQUEST, new byte[0]),
                "the feature list is empty");
        CardException refused = assertThrows(CardException.class, () -> card.transmitControlCommand(0x42000000 + 3500, new byte[] {1}));
        assertTrue(refused.getMessage().contains("SCARD_E_UNSUPPORTED_FEATURE"), refused.getMessage());
    }

    @Test
    void onlyT1IsOffered() throws Exception {
        CardTerminal terminal = terminals(MynaSimReaders.of("hanako")).list().get(0);
        assertThrows(CardException.class, () -> terminal.connect("T=0"));
        assertThrows(IllegalArgumentException.class, () -> terminal.connect("T=2"));
    }

    @Test
    void theSimulatorsFaultsReachTheApplication() throws Exception {
        CardTerminal terminal = terminals(MynaSimReaders.builder().reader("hanako").readerTimeout(Duration.ofMillis(300)).build())
                .list().get(0);
        CardChannel channel = terminal.connect("*").getBasicChannel();
        CardControl control = readers.reader(0);

        control.injectFault(Fault.GARBLED_RESPONSE);
        assertEquals(0x6FFF, channel.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, JPKI_AID)).getSW());

        control.injectFault(Fault.PULLED_OUT_DURING_COMMAND, 0xA4);
        assertThrows(CardException.class, () -> channel.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, JPKI_AID)));
        assertFalse(terminal.isCardPresent(), "a card pulled out during a command is out of the reader");

        control.insert();
        CardChannel again = terminal.connect("*").getBasicChannel();
        control.goMute();
        CardException mute = assertThrows(CardException.class, () -> again.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, JPKI_AID)));
        assertTrue(mute.getMessage().contains("timeout"), mute.getMessage());
        control.clearFaults();
        assertEquals(0x9000, again.transmit(new CommandAPDU(0x00, 0xA4, 0x04, 0x0C, JPKI_AID)).getSW());

        control.limitToShortApdus(true);
        byte[] extendedRead = {0x00, (byte) 0xB0, 0x00, 0x00, 0x00, 0x00, 0x00};
        assertEquals(0x6700, again.transmit(new CommandAPDU(extendedRead)).getSW());
    }

    @Test
    void theLatencyProfileHoldsEveryAnswerBack() throws Exception {
        CardTerminal terminal = terminals(MynaSimReaders.builder().reader("hanako")
                .latency(LatencyProfile.parse("command=250")).build()).list().get(0);
        CardChannel channel = terminal.connect("*").getBasicChannel();
        long start = System.nanoTime();
        select(channel, 0x04, JPKI_AID);
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(250).toNanos(), "the card took at least the profile's 250 ms");
        readers.reader(0).setLatency(LatencyProfile.parse("command=0,verify=400"));
        start = System.nanoTime();
        wrongUserProofPin(channel);
        assertTrue(System.nanoTime() - start >= Duration.ofMillis(400).toNanos(), "a VERIFY takes the new profile's 400 ms");
    }

    @Test
    void nullParametersTakeThePersonasFromTheSystemProperty() throws Exception {
        System.setProperty(MynaSimReaders.READERS_PROPERTY, "ren, hanako");
        try {
            TerminalFactory factory = TerminalFactory.getInstance("MynaSim", null);
            assertEquals(2, factory.terminals().list().size());
            assertEquals(1, TerminalFactory.getInstance("MynaSim", "hanako").terminals().list().size());
        } finally {
            System.clearProperty(MynaSimReaders.READERS_PROPERTY);
        }
        assertThrows(RuntimeException.class, () -> TerminalFactory.getInstance("MynaSim", "nobody"));
        assertThrows(RuntimeException.class, () -> TerminalFactory.getInstance("MynaSim", 42));
    }

    private static int wrongUserProofPin(CardChannel channel) throws CardException {
        select(channel, 0x04, JPKI_AID);
        select(channel, 0x02, fid(USER_PROOF_PIN));
        return channel.transmit(new CommandAPDU(0x00, 0x20, 0x00, 0x80, "0000".getBytes(StandardCharsets.US_ASCII))).getSW();
    }

    private static void select(CardChannel channel, int p1, byte[] name) throws CardException {
        assertEquals(0x9000, channel.transmit(new CommandAPDU(0x00, 0xA4, p1, 0x0C, name)).getSW());
    }

    private static X509Certificate readCertificate(CardChannel channel) throws Exception {
        select(channel, 0x02, fid(USER_PROOF_CERTIFICATE));
        byte[] head = channel.transmit(new CommandAPDU(0x00, 0xB0, 0x00, 0x00, 4)).getData();
        int length = 4 + ((head[2] & 0xFF) << 8 | (head[3] & 0xFF));
        ByteArrayOutputStream der = new ByteArrayOutputStream();
        while (der.size() < length) {
            int offset = der.size();
            ResponseAPDU part = channel.transmit(new CommandAPDU(0x00, 0xB0, offset >> 8, offset & 0xFF, Math.min(256, length - offset)));
            assertEquals(0x9000, part.getSW());
            der.writeBytes(part.getData());
        }
        return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der.toByteArray()));
    }

    private static byte[] fid(int fid) {
        return new byte[] {(byte) (fid >> 8), (byte) fid};
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] joined = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, joined, a.length, b.length);
        return joined;
    }

    private static List<String> names(List<CardTerminal> terminals) {
        return terminals.stream().map(CardTerminal::getName).toList();
    }
}
