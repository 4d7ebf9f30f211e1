package dev.mynasim.client.card;

import dev.mynasim.client.transport.Apdus;

/** The card answered a command with a status word other than the one the operation needs. */
public class StatusWordException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int sw;

    public StatusWordException(String operation, int sw) {
        super(operation + " failed with status word " + Apdus.swText(sw) + describe(sw));
        this.sw = sw;
    }

    public int sw() {
        return sw;
    }

    private static String describe(int sw) {
        return switch (sw) {
            case 0x6982 -> " (security status not satisfied)";
            case 0x6984 -> " (referenced data blocked)";
            case 0x6A82 -> " (file not found)";
            case 0x6A86 -> " (incorrect P1/P2)";
            case 0x6700 -> " (wrong length)";
            case 0x6D00 -> " (instruction not supported)";
            case 0x6E00 -> " (class not supported)";
            case 0x6B00 -> " (offset beyond the end of the file)";
            default -> (sw & 0xFFF0) == 0x63C0 ? " (" + (sw & 0x0F) + " tries left)" : "";
        };
    }
}
