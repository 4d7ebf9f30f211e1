package dev.mynasim.smartcardio;

import java.util.Arrays;
import javax.smartcardio.ATR;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;

/**
 * One connection to the card in a virtual reader, with the JDK PC/SC provider's rules: T=1, dead once
 * the card leaves, exclusive access per thread, and no reader features for control commands.
 */
final class VirtualCardHandle extends Card {

    /** SCARD_CTL_CODE(3400) on pcsc-lite: the PC/SC part 10 GET_FEATURE_REQUEST. */
    static final int GET_FEATURE_REQUEST = 0x42000000 + 3400;
    private static final byte[] NO_FEATURES = new byte[0];

    private final VirtualReader reader;
    private final int insertion;
    private final VirtualChannel basicChannel;
    private volatile boolean disconnected;
    private volatile Thread exclusiveThread;

    VirtualCardHandle(VirtualReader reader, int insertion) {
        this.reader = reader;
        this.insertion = insertion;
        this.basicChannel = new VirtualChannel(this, 0);
    }

    int insertion() {
        return insertion;
    }

    @Override
    public ATR getATR() {
        return new ATR(reader.atr());
    }

    /** Every MynaSim profile is reached over T=1 (contact ATRs offer only T=1; PC/SC maps contactless to T=1). */
    @Override
    public String getProtocol() {
        return "T=1";
    }

    @Override
    public CardChannel getBasicChannel() {
        checkConnected();
        return basicChannel;
    }

    @Override
    public CardChannel openLogicalChannel() throws CardException {
        checkConnected();
        checkExclusive();
        byte[] response = transmitRaw(new byte[] {0x00, 0x70, 0x00, 0x00, 0x01});
        if (response.length != 3 || response[1] != (byte) 0x90 || response[2] != 0x00) {
            throw new CardException("openLogicalChannel() failed, card response: "
                    + VirtualChannel.hex(Arrays.copyOfRange(response, Math.max(0, response.length - 2), response.length)));
        }
        return new VirtualChannel(this, response[0]);
    }

    @Override
    public synchronized void beginExclusive() throws CardException {
        checkConnected();
        if (exclusiveThread != null) {
            throw new CardException("Exclusive access has already been assigned to Thread " + exclusiveThread.getName());
        }
        reader.beginExclusive(this);
        exclusiveThread = Thread.currentThread();
    }

    @Override
    public synchronized void endExclusive() throws CardException {
        checkConnected();
        if (exclusiveThread != Thread.currentThread()) {
            throw new IllegalStateException("Exclusive access not assigned to current Thread");
        }
        reader.endExclusive(this);
        exclusiveThread = null;
    }

    /**
     * The reader has no features (no PIN pad, no display): it lists none when asked for them, and refuses
     * every other control code.
     */
    @Override
    public byte[] transmitControlCommand(int controlCode, byte[] command) throws CardException {
        checkConnected();
        checkExclusive();
        reader.checkUsable(this);
        if (controlCode == GET_FEATURE_REQUEST) {
            return NO_FEATURES.clone();
        }
        throw new CardException("transmitControlCommand() failed: SCARD_E_UNSUPPORTED_FEATURE (control code "
                + controlCode + "; " + reader.readerName() + " has no reader features)");
    }

    @Override
    public void disconnect(boolean reset) throws CardException {
        if (disconnected) {
            return;
        }
        disconnected = true;
        exclusiveThread = null;
        reader.endExclusive(this);
        if (reset) {
            reader.resetCard(this);
        }
    }

    byte[] transmitRaw(byte[] command) throws CardException {
        checkConnected();
        checkExclusive();
        return reader.transmit(this, command);
    }

    void checkConnected() {
        if (disconnected) {
            throw new IllegalStateException("Card has been disconnected");
        }
    }

    private void checkExclusive() throws CardException {
        Thread holder = exclusiveThread;
        if (holder != null && holder != Thread.currentThread()) {
            throw new CardException("Exclusive access established by another Thread");
        }
    }

    @Override
    public String toString() {
        return "MynaSim card in " + reader.readerName() + ", protocol T=1, state " + (disconnected ? "DISCONNECTED" : "OK");
    }
}
