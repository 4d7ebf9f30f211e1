package dev.mynasim.client.transport;

import java.io.ByteArrayOutputStream;

/**
 * Decorator for the ISO 7816-4 response-length conventions a client must follow on real readers:
 * {@code 61xx} (more data: fetch it with GET RESPONSE, as T=0 readers need) and {@code 6Cxx}
 * (wrong Le: send the same command again with Le = xx).
 */
public final class GetResponseTransport implements Transport {

    private static final int MAX_GET_RESPONSES = 256;

    private final Transport inner;

    public GetResponseTransport(Transport inner) {
        this.inner = inner;
    }

    @Override
    public byte[] transceive(byte[] command) {
        byte[] response = inner.transceive(command);
        int sw = Apdus.sw(response);
        if ((sw & 0xFF00) == 0x6C00 && command.length >= 4) {
            response = inner.transceive(withShortLe(command, sw & 0xFF));
            sw = Apdus.sw(response);
        }
        if ((sw & 0xFF00) != 0x6100) {
            return response;
        }
        ByteArrayOutputStream data = new ByteArrayOutputStream();
        data.writeBytes(Apdus.data(response));
        for (int i = 0; i < MAX_GET_RESPONSES && (sw & 0xFF00) == 0x6100; i++) {
            response = inner.transceive(new byte[] {command[0], (byte) 0xC0, 0x00, 0x00, (byte) (sw & 0xFF)});
            sw = Apdus.sw(response);
            data.writeBytes(Apdus.data(response));
        }
        data.write(sw >> 8);
        data.write(sw & 0xFF);
        return data.toByteArray();
    }

    /** The same command with its Le replaced by a short Le (only for case 2 / case 4 short commands). */
    static byte[] withShortLe(byte[] command, int le) {
        byte[] header = java.util.Arrays.copyOf(command, 4);
        if (command.length == 4 || command.length == 5) {
            return new byte[] {header[0], header[1], header[2], header[3], (byte) le};
        }
        int lc = command[4] & 0xFF;
        if (lc != 0 && command.length >= 5 + lc) {
            byte[] out = java.util.Arrays.copyOf(command, 5 + lc + 1);
            out[5 + lc] = (byte) le;
            return out;
        }
        return command;
    }
}
