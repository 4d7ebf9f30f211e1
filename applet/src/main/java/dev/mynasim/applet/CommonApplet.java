package dev.mynasim.applet;

/**
 * 共通カードAP, AID D3 92 10 00 31 00 01 01 01 00 (docs/card-reference.md §2.4): the record EF 0001 (serial
 * number, municipality code, expiry), the key 0019 that answers INTERNAL AUTHENTICATE without a
 * PIN, and the 4-digit PIN 001C changed with JICSAP CHANGE KEY.
 */
public final class CommonApplet extends MynaApplication {
    static final short EF_CARD_RECORD = (short) 0x0001;
    static final short IEF_AUTHENTICATION_KEY = (short) 0x0019;
    static final short IEF_PIN = (short) 0x001C;

    private static final byte PIN_TRIES = (byte) 3;

    private CommonApplet() {
        super((byte) 1, (byte) 1, (byte) 1);
        addPin(IEF_PIN, PinFormat.FOUR_DIGITS, PIN_TRIES);
        addRecordFile(EF_CARD_RECORD, DataFile.FREE);
        addInternalAuthenticationKey(IEF_AUTHENTICATION_KEY);
        changePinsWithChangeKey();
    }

    public static void install(byte[] parameters, short offset, byte length) {
        new CommonApplet().registerWith(parameters, offset, length);
    }
}
