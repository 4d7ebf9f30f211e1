package dev.mynasim.simulator.vpcd;

import dev.mynasim.simulator.SimulatedCard;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Consumer;

import jdk.net.ExtendedSocketOptions;

/**
 * Puts one {@link SimulatedCard} into a slot of vsmartcard's virtual PC/SC reader (vpcd, loaded by pcscd).
 *
 * <p>vpcd listens on TCP (slot 0: 35963, slot 1: 35964). Every message in both directions is a 2-byte
 * big-endian length followed by the payload. A 1-byte payload from vpcd is a control code
 * ({@code 0} power off, {@code 1} power on, {@code 2} reset, {@code 4} get ATR, which we answer with the
 * ATR); a longer payload is a command APDU, answered with the response APDU.
 *
 * <p>Card presence is the TCP connection: {@link #remove()} closes it and keeps it closed (pcscd sees the
 * card go in ~0.4 s), {@link #insert()} lets the bridge connect again (~0.3 s). The bridge reconnects by
 * itself when vpcd is not listening yet, when pcscd restarts, or after a malformed message, retrying every
 * 50–200 ms. It never logs APDU contents (they may carry PINs).
 *
 * <p>Speed: Debian's vpcd writes length and payload in two {@code send()} calls; with Linux's delayed ACK
 * on our side every APDU would stall ~40 ms. {@code TCP_QUICKACK} is re-armed before every read (Linux
 * clears it again by itself), {@code TCP_NODELAY} is on, and each answer goes out in one write.
 *
 * <p>The card is driven only from the bridge thread (SimulatedCard is not thread-safe); do not use the
 * same card from another thread while the bridge is running.
 */
public final class VpcdBridge implements AutoCloseable {

    /** vpcd listens on all interfaces; we connect to loopback by default. */
    public static final String DEFAULT_HOST = "127.0.0.1";
    /** vpcd's first slot, "Virtual PCD 00 00". */
    public static final int SLOT0_PORT = 35963;
    /** vpcd's second slot, "Virtual PCD 00 01". */
    public static final int SLOT1_PORT = 35964;

    /** System property: {@code false} disables TCP_QUICKACK (only to measure its effect). */
    public static final String QUICKACK_PROPERTY = "mynasim.vpcd.quickack";

    static final byte CTRL_POWER_OFF = 0;
    static final byte CTRL_POWER_ON = 1;
    static final byte CTRL_RESET = 2;
    static final byte CTRL_GET_ATR = 4;

    private static final System.Logger LOG = System.getLogger(VpcdBridge.class.getName());
    private static final long MIN_BACKOFF_MS = 50;
    private static final long MAX_BACKOFF_MS = 200;
    private static final int CONNECT_TIMEOUT_MS = 1000;
    /** Status word sent when the card answer cannot be produced (card threw, answer too long). */
    private static final byte[] SW_NO_PRECISE_DIAGNOSIS = {0x6F, 0x00};

    /** Notified from the bridge thread; keep the callbacks short. */
    public interface Listener {
        /** The TCP connection to vpcd is up: the reader sees a card (after its next poll). */
        default void connected(String host, int port) { }

        /** The connection is gone; {@code reason} is a short text without APDU contents. */
        default void disconnected(String reason) { }
    }

    private final SimulatedCard card;
    private final String host;
    private final int port;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private final Object lock = new Object();

    // guarded by lock
    private Thread thread;
    private Socket socket;
    private boolean inserted = true;
    private boolean closed;
    private boolean wakeUp;

    private volatile boolean connected;
    /** Counted by the bridge thread, read by any: atomic, so a count never depends on who wrote last. */
    private final AtomicLong connections = new AtomicLong();
    private final AtomicLong apdus = new AtomicLong();

    /** A bridge to slot 0 on 127.0.0.1. */
    public VpcdBridge(SimulatedCard card) {
        this(card, DEFAULT_HOST, SLOT0_PORT);
    }

    public VpcdBridge(SimulatedCard card, String host, int port) {
        this.card = Objects.requireNonNull(card, "card");
        this.host = Objects.requireNonNull(host, "host");
        if (port <= 0 || port > 65535) {
            throw new IllegalArgumentException("port out of range: " + port);
        }
        this.port = port;
    }

    /** The vpcd port of a slot of the default reader config (slot 0 → 35963, slot 1 → 35964). */
    public static int portForSlot(int slot) {
        if (slot < 0) {
            throw new IllegalArgumentException("slot must be >= 0: " + slot);
        }
        return SLOT0_PORT + slot;
    }

    public String host() {
        return host;
    }

    public int port() {
        return port;
    }

    public SimulatedCard card() {
        return card;
    }

    public VpcdBridge addListener(Listener listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
        return this;
    }

    public void removeListener(Listener listener) {
        listeners.remove(listener);
    }

    /** Starts the bridge thread (a daemon thread). Returns at once; the connection comes up asynchronously. */
    public VpcdBridge start() {
        synchronized (lock) {
            if (closed) {
                throw new IllegalStateException("bridge is closed");
            }
            if (thread != null) {
                throw new IllegalStateException("bridge already started");
            }
            thread = new Thread(this::run, "vpcd-bridge-" + host + ":" + port);
            thread.setDaemon(true);
            thread.start();
        }
        return this;
    }

    /** Whether the TCP connection to vpcd is up (the card is in the reader). */
    public boolean isConnected() {
        return connected;
    }

    /** Whether the card is meant to be in the reader ({@link #remove()} clears it, {@link #insert()} sets it). */
    public boolean isInserted() {
        synchronized (lock) {
            return inserted;
        }
    }

    /** Whether the bridge thread is running (started and not closed). */
    public boolean isRunning() {
        synchronized (lock) {
            return thread != null && thread.isAlive() && !closed;
        }
    }

    /** How many times the bridge has connected to vpcd so far. */
    public long connectionCount() {
        return connections.get();
    }

    /** How many command APDUs the bridge has answered so far. */
    public long apduCount() {
        return apdus.get();
    }

    /**
     * Takes the card out of the reader: closes the connection and stays disconnected until {@link #insert()}.
     * The card loses power (as a real card pulled from the reader does).
     */
    public void remove() {
        synchronized (lock) {
            if (!inserted) {
                return;
            }
            inserted = false;
            closeSocketLocked();
            lock.notifyAll();
        }
        LOG.log(System.Logger.Level.INFO, "vpcd bridge {0}:{1,number,#}: card removed", host, port);
    }

    /** Puts the card back: the bridge connects again (immediately, without waiting for the backoff). */
    public void insert() {
        synchronized (lock) {
            if (inserted) {
                return;
            }
            inserted = true;
            wakeUp = true;
            lock.notifyAll();
        }
        LOG.log(System.Logger.Level.INFO, "vpcd bridge {0}:{1,number,#}: card inserted", host, port);
    }

    /** Stops the bridge: closes the connection (a removal, as pcscd sees it) and waits for the thread to end. */
    @Override
    public void close() {
        Thread t;
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            closeSocketLocked();
            lock.notifyAll();
            t = thread;
        }
        if (t != null && t != Thread.currentThread()) {
            try {
                t.join(2000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                LOG.log(System.Logger.Level.WARNING, "vpcd bridge {0}:{1,number,#}: thread did not stop within 2 s",
                        host, port);
            }
        }
    }

    private void closeSocketLocked() {
        if (socket != null) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
    }

    private void run() {
        long backoff = MIN_BACKOFF_MS;
        boolean announcedWaiting = false;
        while (true) {
            Socket s;
            synchronized (lock) {
                waitLocked(() -> closed || inserted, 0);
                if (closed) {
                    break;
                }
                s = new Socket();
                socket = s;
                wakeUp = false;
            }
            String reason;
            try {
                s.connect(new InetSocketAddress(host, port), CONNECT_TIMEOUT_MS);
                configure(s);
                connected = true;
                long connection = connections.incrementAndGet();
                backoff = MIN_BACKOFF_MS;
                announcedWaiting = false;
                LOG.log(System.Logger.Level.INFO, "vpcd bridge connected to {0}:{1,number,#} (connection #{2})",
                        host, port, connection);
                fire(l -> l.connected(host, port));
                reason = serve(s);
            } catch (IOException e) {
                reason = e.getClass().getSimpleName() + ": " + e.getMessage();
            } catch (RuntimeException e) {
                // never die: whatever happened, drop the connection and try again
                reason = "unexpected " + e.getClass().getName();
                LOG.log(System.Logger.Level.WARNING, "vpcd bridge " + host + ":" + port + ": " + reason, e);
            } finally {
                try {
                    s.close();
                } catch (IOException ignored) {
                    // closing anyway
                }
            }
            boolean wasConnected = connected;
            connected = false;
            if (wasConnected) {
                powerOffQuietly();
                String why = reason;
                synchronized (lock) {
                    if (closed) {
                        why = "bridge closed";
                    } else if (!inserted) {
                        why = "card removed";
                    }
                }
                LOG.log(System.Logger.Level.INFO, "vpcd bridge disconnected from {0}:{1,number,#}: {2}",
                        host, port, why);
                String finalWhy = why;
                fire(l -> l.disconnected(finalWhy));
            } else if (!announcedWaiting) {
                announcedWaiting = true;
                LOG.log(System.Logger.Level.INFO, "vpcd bridge waiting for vpcd at {0}:{1,number,#} ({2})",
                        host, port, reason);
            }
            synchronized (lock) {
                socket = null;
                waitLocked(() -> closed || !inserted || wakeUp, backoff);
                wakeUp = false;
            }
            if (!wasConnected) {
                backoff = Math.min(MAX_BACKOFF_MS, backoff * 2);
            }
        }
        powerOffQuietly();
        LOG.log(System.Logger.Level.DEBUG, "vpcd bridge {0}:{1,number,#} stopped", host, port);
    }

    /** Waits on the lock until {@code done} holds or {@code millis} pass (0: no time limit); a spurious wake-up waits again. */
    private void waitLocked(BooleanSupplier done, long millis) {
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
        while (!done.getAsBoolean()) {
            long left = millis == 0 ? 0 : TimeUnit.NANOSECONDS.toMillis(deadline - System.nanoTime());
            if (millis != 0 && left <= 0) {
                return;
            }
            try {
                lock.wait(left);
            } catch (InterruptedException e) {
                // the bridge is stopped only by close(); an interrupt alone is not a reason to die
                Thread.interrupted();
            }
        }
    }

    private static void configure(Socket s) throws IOException {
        s.setTcpNoDelay(true);
        s.setKeepAlive(true);
    }

    /**
     * TCP_QUICKACK exists on Linux only; elsewhere the bridge works, just without the fix. The system property
     * {@value #QUICKACK_PROPERTY}{@code =false} turns it off, for benchmarks that show what it saves.
     */
    private static boolean quickAckSupported(Socket s) {
        return !"false".equalsIgnoreCase(System.getProperty(QUICKACK_PROPERTY))
                && s.supportedOptions().contains(ExtendedSocketOptions.TCP_QUICKACK);
    }

    /** Serves one connection until it ends; returns why it ended. */
    private String serve(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        OutputStream out = s.getOutputStream();
        boolean quickAck = quickAckSupported(s);
        byte[] header = new byte[2];
        while (true) {
            if (!readFully(s, quickAck, in, header, 2)) {
                return "vpcd closed the connection";
            }
            int length = ((header[0] & 0xFF) << 8) | (header[1] & 0xFF);
            if (length == 0) {
                return "malformed message from vpcd (length 0)";
            }
            byte[] payload = new byte[length];
            if (!readFully(s, quickAck, in, payload, length)) {
                return "malformed message from vpcd (truncated: " + length + " bytes announced)";
            }
            if (length == 1) {
                control(payload[0], out);
            } else {
                byte[] response = answer(payload);
                apdus.incrementAndGet();
                send(out, response);
            }
        }
    }

    private void control(byte code, OutputStream out) throws IOException {
        switch (code) {
            case CTRL_POWER_OFF -> card.powerOff();
            case CTRL_POWER_ON -> card.powerOn();
            case CTRL_RESET -> card.reset();
            case CTRL_GET_ATR -> send(out, card.atr());
            default -> LOG.log(System.Logger.Level.WARNING,
                    "vpcd bridge {0}:{1,number,#}: ignoring unknown control code {2}", host, port, code & 0xFF);
        }
    }

    private byte[] answer(byte[] command) {
        byte[] response;
        try {
            response = card.transmit(command);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "vpcd bridge {0}:{1,number,#}: card threw {2} on an APDU; "
                    + "answering 6F00", host, port, e.getClass().getName());
            return SW_NO_PRECISE_DIAGNOSIS.clone();
        }
        if (response == null || response.length < 2 || response.length > 0xFFFF) {
            LOG.log(System.Logger.Level.WARNING, "vpcd bridge {0}:{1,number,#}: card answer of {2} bytes cannot "
                    + "pass vpcd; answering 6F00", host, port, response == null ? -1 : response.length);
            return SW_NO_PRECISE_DIAGNOSIS.clone();
        }
        return response;
    }

    /** Length and payload in one write: one TCP segment, no Nagle or delayed-ACK interplay. */
    private static void send(OutputStream out, byte[] payload) throws IOException {
        if (payload.length > 0xFFFF) {
            throw new IOException("message too long for vpcd: " + payload.length);
        }
        byte[] message = new byte[payload.length + 2];
        message[0] = (byte) (payload.length >>> 8);
        message[1] = (byte) payload.length;
        System.arraycopy(payload, 0, message, 2, payload.length);
        out.write(message);
        out.flush();
    }

    /**
     * Reads exactly {@code n} bytes, re-arming TCP_QUICKACK before every read (Linux drops out of quick-ACK
     * mode by itself). Returns false on end of stream before the first byte; throws EOFException when the
     * stream ends inside the buffer.
     */
    private static boolean readFully(Socket s, boolean quickAck, InputStream in, byte[] buf, int n)
            throws IOException {
        int off = 0;
        while (off < n) {
            if (quickAck) {
                s.setOption(ExtendedSocketOptions.TCP_QUICKACK, Boolean.TRUE);
            }
            int r = in.read(buf, off, n - off);
            if (r < 0) {
                if (off == 0) {
                    return false;
                }
                throw new EOFException("connection ended inside a message (" + off + " of " + n + " bytes)");
            }
            off += r;
        }
        return true;
    }

    private void powerOffQuietly() {
        try {
            if (card.isPowered()) {
                card.powerOff();
            }
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.WARNING, "vpcd bridge {0}:{1,number,#}: card threw {2} on power off",
                    host, port, e.getClass().getName());
        }
    }

    private void fire(Consumer<Listener> event) {
        for (Listener l : listeners) {
            try {
                event.accept(l);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "vpcd bridge listener threw", e);
            }
        }
    }

    @Override
    public String toString() {
        return "VpcdBridge[" + host + ":" + port + (connected ? ", connected" : ", not connected")
                + (isInserted() ? "" : ", removed") + "]";
    }
}
