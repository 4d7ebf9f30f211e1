package dev.mynasim.simulator.vpcd;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;

/** The server side of the vpcd protocol, driven by a test: accept, send messages, read answers. */
final class FakeVpcd implements AutoCloseable {

    private final ServerSocket server;
    private Socket client;
    private DataInputStream in;
    private OutputStream out;

    FakeVpcd() throws IOException {
        this(0);
    }

    FakeVpcd(int port) throws IOException {
        server = new ServerSocket();
        server.setReuseAddress(true);
        server.bind(new java.net.InetSocketAddress(InetAddress.getLoopbackAddress(), port));
        server.setSoTimeout(5000);
    }

    int port() {
        return server.getLocalPort();
    }

    /** Waits (up to 5 s, the accept timeout) for the bridge to connect. */
    FakeVpcd accept() throws IOException {
        client = server.accept();
        client.setSoTimeout(5000);
        in = new DataInputStream(client.getInputStream());
        out = client.getOutputStream();
        return this;
    }

    void sendRaw(byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
    }

    void send(byte[] payload) throws IOException {
        byte[] m = new byte[payload.length + 2];
        m[0] = (byte) (payload.length >> 8);
        m[1] = (byte) payload.length;
        System.arraycopy(payload, 0, m, 2, payload.length);
        sendRaw(m);
    }

    void control(int code) throws IOException {
        send(new byte[] {(byte) code});
    }

    byte[] receive() throws IOException {
        int n = in.readUnsignedShort();
        byte[] b = new byte[n];
        in.readFully(b);
        return b;
    }

    byte[] transmit(byte[] apdu) throws IOException {
        send(apdu);
        return receive();
    }

    /** Whether the bridge closed its end (reads EOF within the socket timeout). */
    boolean peerClosed() throws IOException {
        try {
            return in.read() < 0;
        } catch (java.net.SocketException e) {
            return true;
        }
    }

    void dropClient() throws IOException {
        if (client != null) {
            client.close();
        }
    }

    @Override
    public void close() throws IOException {
        dropClient();
        server.close();
    }
}
