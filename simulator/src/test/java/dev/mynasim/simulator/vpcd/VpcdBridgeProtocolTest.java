package dev.mynasim.simulator.vpcd;

import static java.time.Duration.ofMillis;
import static java.time.Duration.ofSeconds;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The bridge against a fake vpcd server: protocol, power, malformed input, reconnects. Needs no pcscd. */
class VpcdBridgeProtocolTest {

    private final TestCard card = new TestCard(TestCard.CONTACT_ATR);
    private VpcdBridge bridge;

    @AfterEach
    void stop() {
        if (bridge != null) {
            bridge.close();
        }
    }

    @Test
    void answersControlCodesAndApdus() throws IOException {
        try (FakeVpcd vpcd = new FakeVpcd()) {
            bridge = new VpcdBridge(card, "127.0.0.1", vpcd.port()).start();
            vpcd.accept();
            await().atMost(ofSeconds(2)).until(bridge::isConnected);

            vpcd.control(4);
            assertArrayEquals(TestCard.CONTACT_ATR, vpcd.receive());
            vpcd.control(1);
            byte[] apdu = TestCard.hex("00A4040C0AD392F000260100000001");
            byte[] r = vpcd.transmit(apdu);
            assertEquals(apdu.length + 2, r.length);
            assertTrue(card.isPowered());
            assertEquals(1, bridge.apduCount());

            vpcd.transmit(TestCard.hex("0020008004 31323334"));
            assertTrue(card.isVerified());
            vpcd.control(2);
            assertArrayEquals(TestCard.hex("009000"), vpcd.transmit(TestCard.hex("80CA0001")));
            assertEquals(1, card.resets.get());

            vpcd.control(0);
            await().atMost(ofSeconds(2)).until(() -> !card.isPowered());
        }
    }

    @Test
    void extendedApduOfFourKilobytes() throws IOException {
        try (FakeVpcd vpcd = new FakeVpcd()) {
            bridge = new VpcdBridge(card, "127.0.0.1", vpcd.port()).start();
            vpcd.accept();
            byte[] apdu = new byte[7 + 4096];
            apdu[1] = (byte) 0xD6;
            apdu[5] = 0x10;
            for (int i = 7; i < apdu.length; i++) {
                apdu[i] = (byte) i;
            }
            byte[] r = vpcd.transmit(apdu);
            assertEquals(apdu.length + 2, r.length);
            assertEquals((byte) 0x90, r[r.length - 2]);
        }
    }

    @Test
    void zeroLengthMessageDropsTheConnectionAndTheBridgeComesBack() throws IOException {
        try (FakeVpcd vpcd = new FakeVpcd()) {
            bridge = new VpcdBridge(card, "127.0.0.1", vpcd.port()).start();
            vpcd.accept();
            vpcd.sendRaw(new byte[] {0, 0});
            assertTrue(vpcd.peerClosed(), "bridge should drop the connection");
            vpcd.accept();
            vpcd.control(4);
            assertArrayEquals(TestCard.CONTACT_ATR, vpcd.receive());
            await().atMost(ofSeconds(2)).until(() -> bridge.connectionCount() == 2);
        }
    }

    @Test
    void truncatedMessageDropsTheConnectionAndTheBridgeComesBack() throws IOException {
        try (FakeVpcd vpcd = new FakeVpcd()) {
            bridge = new VpcdBridge(card, "127.0.0.1", vpcd.port()).start();
            vpcd.accept();
            vpcd.sendRaw(new byte[] {0, 10, 0, (byte) 0xA4});
            vpcd.dropClient();
            vpcd.accept();
            vpcd.control(4);
            assertArrayEquals(TestCard.CONTACT_ATR, vpcd.receive());
            assertTrue(bridge.isRunning());
        }
    }

    @Test
    void connectsOnceVpcdStartsListening() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        bridge = new VpcdBridge(card, "127.0.0.1", port).start();
        await().during(ofMillis(300)).atMost(ofSeconds(1)).until(() -> !bridge.isConnected() && bridge.isRunning());
        try (FakeVpcd vpcd = new FakeVpcd(port)) {
            vpcd.accept();
            await().atMost(ofSeconds(1)).until(bridge::isConnected);
        }
    }

    @Test
    void removeKeepsTheCardOutUntilInsertAndCutsItsPower() throws IOException {
        List<String> events = new CopyOnWriteArrayList<>();
        try (FakeVpcd vpcd = new FakeVpcd()) {
            bridge = new VpcdBridge(card, "127.0.0.1", vpcd.port());
            bridge.addListener(new VpcdBridge.Listener() {
                @Override
                public void connected(String host, int port) {
                    events.add("connected");
                }

                @Override
                public void disconnected(String reason) {
                    events.add("disconnected: " + reason);
                }
            }).start();
            vpcd.accept();
            vpcd.control(1);
            vpcd.transmit(TestCard.hex("0020008004 31323334"));
            assertTrue(card.isVerified());

            bridge.remove();
            assertFalse(bridge.isInserted());
            assertTrue(vpcd.peerClosed());
            await().atMost(ofSeconds(2)).until(() -> !bridge.isConnected() && !card.isPowered());
            assertFalse(card.isVerified());
            await().during(ofMillis(400)).atMost(ofSeconds(1)).until(() -> !bridge.isConnected());

            bridge.insert();
            vpcd.accept();
            await().atMost(ofSeconds(2)).until(bridge::isConnected);
            await().atMost(ofSeconds(2)).until(() -> events.equals(
                    List.of("connected", "disconnected: card removed", "connected")));
        }
    }

    @Test
    void closeIsPromptAndThePeerSeesTheCardGo() throws IOException {
        try (FakeVpcd vpcd = new FakeVpcd()) {
            bridge = new VpcdBridge(card, "127.0.0.1", vpcd.port()).start();
            vpcd.accept();
            await().atMost(ofSeconds(2)).until(bridge::isConnected);
            long t0 = System.nanoTime();
            bridge.close();
            assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "close took more than 1 s");
            assertFalse(bridge.isRunning());
            assertFalse(bridge.isConnected());
            assertTrue(vpcd.peerClosed());
        }
    }

    @Test
    void closeWhileWaitingForVpcdIsPrompt() throws IOException {
        int port;
        try (ServerSocket probe = new ServerSocket(0)) {
            port = probe.getLocalPort();
        }
        bridge = new VpcdBridge(card, "127.0.0.1", port).start();
        await().atMost(ofSeconds(1)).until(bridge::isRunning);
        long t0 = System.nanoTime();
        bridge.close();
        assertTrue(System.nanoTime() - t0 < 1_000_000_000L, "close took more than 1 s");
        assertFalse(bridge.isRunning());
    }
}
