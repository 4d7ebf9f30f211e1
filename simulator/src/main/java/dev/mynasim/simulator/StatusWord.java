package dev.mynasim.simulator;

/** The status word (SW1 SW2, the last two bytes) of a response APDU: one helper for the simulator and its tests. */
public final class StatusWord {

    private StatusWord() {
    }

    public static int of(byte[] response) {
        if (response == null || response.length < 2) {
            throw new IllegalArgumentException("a response APDU has at least the two status bytes");
        }
        return ((response[response.length - 2] & 0xFF) << 8) | (response[response.length - 1] & 0xFF);
    }
}
