package dev.mynasim.client.guard;

import dev.mynasim.client.transport.Apdus;
import dev.mynasim.client.transport.GetResponseTransport;
import dev.mynasim.client.transport.Transport;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Tells a MynaSim card from any other card with the proprietary GET DATA {@code 80 CA 4D 53 00}, which
 * only the MynaSim applet answers ({@code 4D 53 09 "MynaSim" 01 <form>}; form 01 = virtual). A real My
 * Number Card answers 6D00 or 6E00. The JPKI application is selected first (a harmless SELECT that
 * every client sends), because the marker lives in the applications, not at the MF.
 */
public final class CardIdentification {

    public static final byte[] SELECT_JPKI = Apdus.fromHex("00 A4 04 0C 0A D3 92 F0 00 26 01 00 00 00 01");
    public static final byte[] MARKER_COMMAND = Apdus.fromHex("80 CA 4D 53 00");
    private static final byte[] MARKER_PREFIX = concat(Apdus.fromHex("4D 53 09"), "MynaSim".getBytes(StandardCharsets.US_ASCII));
    private static final int MARKER_FORMAT = 0x01;
    private static final int FORM_VIRTUAL = 0x01;

    private CardIdentification() {
    }

    /** Sends SELECT JPKI and the marker command on the raw transport; the card's security state is cleared. */
    public static CardKind identify(Transport raw) {
        Transport transport = new GetResponseTransport(raw);
        if (Apdus.sw(transport.transceive(SELECT_JPKI.clone())) != 0x9000) {
            return CardKind.OTHER;
        }
        return classify(transport.transceive(MARKER_COMMAND.clone()));
    }

    /** The card kind a marker response says. */
    static CardKind classify(byte[] response) {
        if (Apdus.sw(response) != 0x9000) {
            return CardKind.OTHER;
        }
        byte[] data = Apdus.data(response);
        if (data.length != MARKER_PREFIX.length + 2
                || !Arrays.equals(MARKER_PREFIX, Arrays.copyOf(data, MARKER_PREFIX.length))
                || (data[MARKER_PREFIX.length] & 0xFF) != MARKER_FORMAT) {
            return CardKind.OTHER;
        }
        return (data[MARKER_PREFIX.length + 1] & 0xFF) == FORM_VIRTUAL ? CardKind.VIRTUAL_MYNASIM : CardKind.PHYSICAL_MYNASIM;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
