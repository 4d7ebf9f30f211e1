package dev.mynasim.smartcardio;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.HexFormat;
import javax.smartcardio.Card;
import javax.smartcardio.CardChannel;
import javax.smartcardio.CardException;
import javax.smartcardio.CommandAPDU;
import javax.smartcardio.ResponseAPDU;

/**
 * A logical channel, transmitting as the JDK's PC/SC provider does by default over T=1: the channel
 * number goes into CLA, a {@code 61xx} answer is followed by GET RESPONSE and a {@code 6Cxx} answer by the
 * same command with the right Le, so code written against the JDK provider sees the same responses.
 */
final class VirtualChannel extends CardChannel {

    /** The JDK gives up after this many round trips for one command. */
    private static final int MAX_ROUND_TRIPS = 32;

    private final VirtualCardHandle card;
    private final int channel;
    private volatile boolean closed;

    VirtualChannel(VirtualCardHandle card, int channel) {
        this.card = card;
        this.channel = channel;
    }

    @Override
    public Card getCard() {
        return card;
    }

    @Override
    public int getChannelNumber() {
        checkOpen();
        return channel;
    }

    @Override
    public ResponseAPDU transmit(CommandAPDU command) throws CardException {
        checkOpen();
        return new ResponseAPDU(transmit(command.getBytes()));
    }

    /**
     * CardChannel's rule is about one buffer passed twice, not two buffers with equal contents
     * (ByteBuffer.equals compares contents), so identity is the question here.
     */
    @SuppressWarnings("ReferenceEquality")
    private static boolean isSameBuffer(ByteBuffer command, ByteBuffer response) {
        return command == response;
    }

    @Override
    public int transmit(ByteBuffer command, ByteBuffer response) throws CardException {
        checkOpen();
        if (command == null || response == null) {
            throw new NullPointerException();
        }
        if (response.isReadOnly()) {
            throw new java.nio.ReadOnlyBufferException();
        }
        if (isSameBuffer(command, response)) {
            throw new IllegalArgumentException("command and response must not be the same object");
        }
        byte[] bytes = new byte[command.remaining()];
        command.get(bytes);
        byte[] answer = transmit(bytes);
        if (response.remaining() < answer.length) {
            throw new IllegalArgumentException("Insufficient space in response buffer");
        }
        response.put(answer);
        return answer.length;
    }

    private byte[] transmit(byte[] apdu) throws CardException {
        if (apdu.length < 4) {
            throw new IllegalArgumentException("command APDU must be at least 4 bytes long");
        }
        if (apdu[1] == 0x70) {
            throw new IllegalArgumentException("Manage channel command not allowed, use openLogicalChannel()");
        }
        byte[] command = apdu.clone();
        command[0] = withChannel(command[0]);
        byte[] result = new byte[0];
        for (int trip = 0; trip < MAX_ROUND_TRIPS; trip++) {
            byte[] response = card.transmitRaw(command);
            int length = response.length;
            if (length == 2 && response[0] == 0x6C && command.length >= 5) {
                command = command.clone();
                command[command.length - 1] = response[1];
                continue;
            }
            if (length >= 2 && response[length - 2] == 0x61) {
                result = concat(result, response, length - 2);
                command = new byte[] {command[0], (byte) 0xC0, 0x00, 0x00, response[length - 1]};
                continue;
            }
            return concat(result, response, length);
        }
        throw new CardException("Could not obtain response");
    }

    /** ISO 7816-4 §5.4.1: channels 0–3 in the low bits of CLA, 4–19 in the further interindustry form. */
    private byte withChannel(byte cla) {
        if (channel == 0) {
            return cla;
        }
        if (channel <= 3) {
            return (byte) ((cla & 0xBC) | channel);
        }
        return (byte) ((cla & 0xB0) | 0x40 | (channel - 4));
    }

    @Override
    public void close() throws CardException {
        if (channel == 0) {
            throw new IllegalStateException("Cannot close basic logical channel");
        }
        if (closed) {
            return;
        }
        card.checkConnected();
        byte[] response = card.transmitRaw(new byte[] {0x00, 0x70, (byte) 0x80, (byte) channel});
        closed = true;
        if (response.length != 2 || response[0] != (byte) 0x90 || response[1] != 0x00) {
            throw new CardException("close() failed, card response: " + hex(response));
        }
    }

    private void checkOpen() {
        card.checkConnected();
        if (closed) {
            throw new IllegalStateException("Logical channel has been closed");
        }
    }

    private static byte[] concat(byte[] head, byte[] tail, int tailLength) {
        byte[] joined = Arrays.copyOf(head, head.length + tailLength);
        System.arraycopy(tail, 0, joined, head.length, tailLength);
        return joined;
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    @Override
    public String toString() {
        return "MynaSim channel " + channel + " of " + card;
    }
}
