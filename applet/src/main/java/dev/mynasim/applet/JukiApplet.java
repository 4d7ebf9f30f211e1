package dev.mynasim.applet;

/**
 * 住基AP, AID D3 92 10 00 31 00 01 01 04 01 (docs/card-reference.md §2.4): only its 4-digit PIN 001C, changed
 * with JICSAP CHANGE KEY. Its counter is its own, apart from the common AP's 001C.
 */
public final class JukiApplet extends MynaApplication {
    static final short IEF_PIN = (short) 0x001C;

    private static final byte PIN_TRIES = (byte) 3;

    private JukiApplet() {
        super((byte) 0, (byte) 1, (byte) 0);
        addPin(IEF_PIN, PinFormat.FOUR_DIGITS, PIN_TRIES);
        changePinsWithChangeKey();
    }

    public static void install(byte[] parameters, short offset, byte length) {
        new JukiApplet().registerWith(parameters, offset, length);
    }
}
