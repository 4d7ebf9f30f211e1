package dev.mynasim.client.pcsc;

import dev.mynasim.client.transport.Transport;
import dev.mynasim.client.transport.TransportException;
import dev.mynasim.simulator.vpcd.PcscEnvironment;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CardTerminal;

/**
 * A raw {@link Transport} over javax.smartcardio and pcscd: one command APDU to the reader, its response back,
 * nothing added.
 *
 * <ul>
 * <li>Raw: the JDK by default answers 61xx with GET RESPONSE and resends on 6Cxx by itself. This class sets
 * {@code sun.security.smartcardio.t0GetResponse} and {@code t1GetResponse} to {@code false} when it is loaded,
 * unless they were set already, so the caller sees 61xx/6Cxx (the harness's GET RESPONSE decorator handles
 * them). The JDK reads them once, when it first transmits: set them yourself on the command line if other code
 * used javax.smartcardio before.</li>
 * <li>Commands go through {@code CardChannel.transmit(ByteBuffer, ByteBuffer)} on the basic channel, so a
 * malformed APDU reaches the card as given (CommandAPDU would refuse it). Limits of the JDK that remain: at
 * least 4 bytes; no MANAGE CHANNEL (INS 70) with an interindustry CLA; on the basic channel the JDK clears the
 * logical-channel bits of an interindustry CLA (proprietary CLAs, 80–FF, pass untouched).</li>
 * <li>Connects with protocol "*" (T=1 on vpcd), lazily, and again after the card was lost. A removal, or a reset
 * by someone else, is reported once as {@link CardLostException}; the next command reconnects.</li>
 * <li>{@link #close()} leaves the card as is ({@code disconnect(false)}) unless {@link #resetOnClose(boolean)};
 * {@link #reset()} resets it now.</li>
 * <li>No {@code transmitControlCommand}: nothing here needs reader escape commands (vpcd has none).</li>
 * </ul>
 * Not thread-safe beyond one caller at a time (calls are serialised).
 */
public final class PcscTransport implements Transport, AutoCloseable {

    static {
        rawByDefault("sun.security.smartcardio.t0GetResponse");
        rawByDefault("sun.security.smartcardio.t1GetResponse");
    }

    private static void rawByDefault(String property) {
        if (System.getProperty(property) == null) {
            System.setProperty(property, "false");
        }
    }

    private final String readerSpec;
    private CardTerminal terminal;
    private Card card;
    private CardChannel channel;
    private boolean resetOnClose;
    private boolean closed;
    private final ByteBuffer response = ByteBuffer.allocate(65536 + 2);

    private PcscTransport(String readerSpec, CardTerminal terminal) {
        this.readerSpec = readerSpec;
        this.terminal = terminal;
    }

    /**
     * Chooses the reader ({@link PcscReaders#choose(String)}; null: {@value PcscReaders#READER_ENV}) and connects
     * to its card now.
     *
     * @throws TransportException pcscd missing (with install/start hints), no such reader (listing the readers),
     *         or no card in it
     */
    public static PcscTransport open(String readerSpec) {
        return open(readerSpec, PcscReaders.choose(readerSpec));
    }

    /** As {@link #open(String)}, on the reader the spec chose already. */
    public static PcscTransport open(String readerSpec, CardTerminal chosen) {
        PcscTransport t = new PcscTransport(readerSpec, Objects.requireNonNull(chosen, "chosen"));
        t.connect();
        return t;
    }

    /** A transport on a reader found already; connects on the first command. */
    public static PcscTransport on(CardTerminal terminal) {
        return new PcscTransport(null, Objects.requireNonNull(terminal, "terminal"));
    }

    public String readerName() {
        return terminal.getName();
    }

    /** Whether {@link #close()} resets the card (default false: the card is left as it is). */
    public synchronized PcscTransport resetOnClose(boolean reset) {
        this.resetOnClose = reset;
        return this;
    }

    /** The ATR of the card as pcscd reported it at connect (connects if needed). */
    public synchronized byte[] atr() {
        connect();
        return card.getATR().getBytes();
    }

    /** The protocol in use, e.g. "T=1" (connects if needed). */
    public synchronized String protocol() {
        connect();
        return card.getProtocol();
    }

    @Override
    public synchronized byte[] transceive(byte[] command) {
        Objects.requireNonNull(command, "command");
        connect();
        try {
            response.clear();
            int n = channel.transmit(ByteBuffer.wrap(command), response);
            return Arrays.copyOf(response.array(), n);
        } catch (IllegalArgumentException e) {
            throw new TransportException("javax.smartcardio refused the command APDU: " + e.getMessage(), e);
        } catch (CardException | IllegalStateException e) {
            throw lost(e);
        }
    }

    /** Resets the card now (warm reset through pcscd) and reconnects: its security state and selections go. */
    public synchronized void reset() {
        connect();
        try {
            card.disconnect(true);
        } catch (CardException | IllegalStateException e) {
            throw lost(e);
        } finally {
            card = null;
            channel = null;
        }
        connect();
    }

    /**
     * Drops the connection, whatever state it is in, and connects to the card now in the reader: for a
     * caller that knows the card was just inserted and wants no stale-handle error on its next command.
     */
    public synchronized void reconnect() {
        if (card != null) {
            try {
                card.disconnect(false);
            } catch (CardException | IllegalStateException e) {
                // the old card is gone: nothing to leave as it is
            } finally {
                card = null;
                channel = null;
            }
        }
        connect();
    }

    /** Disconnects, leaving the card powered and as it is (or resetting it, see {@link #resetOnClose}). */
    @Override
    public synchronized void close() {
        closed = true;
        if (card != null) {
            try {
                card.disconnect(resetOnClose);
            } catch (CardException | IllegalStateException e) {
                // gone already
            } finally {
                card = null;
                channel = null;
            }
        }
    }

    private void connect() {
        if (closed) {
            throw new IllegalStateException("transport closed");
        }
        if (card != null) {
            return;
        }
        try {
            card = terminal.connect("*");
        } catch (CardException e) {
            String code = PcscReaders.pcscCode(e);
            if (PcscReaders.isNoService(e) && PcscEnvironment.resetContext()) {
                // pcscd restarted under this JVM: a fresh context, and the reader again from it
                terminal = PcscReaders.choose(readerSpec != null ? readerSpec : terminal.getName());
                try {
                    card = terminal.connect("*");
                } catch (CardException again) {
                    throw new TransportException(noCard(PcscReaders.pcscCode(again)), again);
                }
            } else {
                throw new TransportException(noCard(code), e);
            }
        }
        channel = card.getBasicChannel();
    }

    private String noCard(String code) {
        if (code.contains("SCARD_E_NO_SMARTCARD") || code.contains("SCARD_W_REMOVED_CARD")) {
            return "no card in reader \"" + terminal.getName() + "\"";
        }
        if (code.contains("SCARD_E_UNKNOWN_READER")) {
            return "reader \"" + terminal.getName() + "\" is gone";
        }
        if (PcscReaders.isNoService(new RuntimeException(code))) {
            return "pcscd is not reachable (" + code + "): " + PcscEnvironment.checkPcscd().describe();
        }
        return "cannot connect to the card in reader \"" + terminal.getName() + "\": " + code;
    }

    /** Drops the connection and describes what happened; the next command reconnects. */
    private TransportException lost(Exception e) {
        String code = PcscReaders.pcscCode(e);
        try {
            if (card != null) {
                card.disconnect(false);
            }
        } catch (CardException | IllegalStateException ignored) {
            // gone already
        } finally {
            card = null;
            channel = null;
        }
        if (PcscReaders.isNoService(e)) {
            return new TransportException("pcscd went away during the session (" + code + ")", e);
        }
        boolean present;
        try {
            present = terminal.isCardPresent();
        } catch (CardException | RuntimeException ignored) {
            present = false;
        }
        if (code.contains("SCARD_W_RESET_CARD") && present) {
            return new CardLostException("the card in \"" + terminal.getName() + "\" was reset (" + code
                    + "); select the application again", false, e);
        }
        return new CardLostException("the card in \"" + terminal.getName() + "\" was removed or reset (" + code
                + (present ? "" : ", no card present now") + "); insert it and select the application again",
                !present || code.contains("REMOVED") || code.contains("NO_SMARTCARD"), e);
    }

    @Override
    public String toString() {
        return "PcscTransport[" + terminal.getName() + "]";
    }
}
