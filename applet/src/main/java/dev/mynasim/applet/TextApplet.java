package dev.mynasim.applet;

/**
 * 券面事項入力補助AP (text AP), AID D3 92 10 00 31 00 01 01 04 08 (docs/card-reference.md §2.2): the My Number,
 * the basic 4 (name, address, birth date, sex), their integrity record and the card-verifiable
 * certificate of the key that signed it. The 4-digit PIN opens everything; 照合番号A opens only
 * the My Number, 照合番号B only the basic 4.
 */
public final class TextApplet extends MynaApplication {
    static final short EF_MY_NUMBER = (short) 0x0001;
    static final short EF_BASIC_FOUR = (short) 0x0002;
    static final short EF_INTEGRITY_RECORD = (short) 0x0003;
    static final short EF_CV_CERTIFICATE = (short) 0x0004;
    static final short EF_AP_BASIC_INFO = (short) 0x0005;
    static final short IEF_PIN = (short) 0x0011;
    static final short IEF_BLOCKED = (short) 0x0012;
    static final short IEF_OWN_KEY = (short) 0x0013;
    static final short IEF_VERIFICATION_CODE_A = (short) 0x0014;
    static final short IEF_VERIFICATION_CODE_B = (short) 0x0015;

    private static final byte PIN_TRIES = (byte) 3;
    /** Used only if the issuer passes limit 00: the issuer sets the (unconfirmed) limit it chose. */
    private static final byte VERIFICATION_CODE_FALLBACK_TRIES = (byte) 10;

    private TextApplet() {
        super((byte) 5, (byte) 4, (byte) 1);
        addPin(IEF_PIN, PinFormat.FOUR_DIGITS, PIN_TRIES);
        // Blocked on every card examined (empty VERIFY 63C0, VERIFY 6984); the issuer sets it with 0 tries.
        addPin(IEF_BLOCKED, PinFormat.FOUR_DIGITS, PIN_TRIES);
        addPin(IEF_VERIFICATION_CODE_A, PinFormat.TWELVE_DIGITS, VERIFICATION_CODE_FALLBACK_TRIES);
        addPin(IEF_VERIFICATION_CODE_B, PinFormat.FOURTEEN_DIGITS, VERIFICATION_CODE_FALLBACK_TRIES);
        byte pin = pinBit(IEF_PIN);
        byte codeA = pinBit(IEF_VERIFICATION_CODE_A);
        byte codeB = pinBit(IEF_VERIFICATION_CODE_B);
        addDataFile(EF_MY_NUMBER, (byte) (pin | codeA));
        addDataFile(EF_BASIC_FOUR, (byte) (pin | codeB));
        addDataFile(EF_INTEGRITY_RECORD, (byte) (pin | codeA | codeB));
        addDataFile(EF_CV_CERTIFICATE, DataFile.FREE);
        addDataFile(EF_AP_BASIC_INFO, DataFile.FREE);
        addOwnSigningKey(IEF_OWN_KEY);
    }

    public static void install(byte[] parameters, short offset, byte length) {
        new TextApplet().registerWith(parameters, offset, length);
    }
}
