package dev.mynasim.applet;

/**
 * 券面事項確認AP (surface AP), AID D3 92 10 00 31 00 01 01 04 02 (docs/card-reference.md §2.3): the card face
 * as images, the age record and the My Number image. Note the swap against the text AP: here
 * 照合番号A is 0013 and 照合番号B is 0012. Either opens the card face; only A opens the My Number
 * image; the birth-date key opens the age record.
 */
public final class SurfaceApplet extends MynaApplication {
    static final short EF_AGE_RECORD = (short) 0x0001;
    static final short EF_CARD_FACE = (short) 0x0002;
    static final short EF_AP_BASIC_INFO = (short) 0x0003;
    static final short EF_CV_CERTIFICATE = (short) 0x0004;
    static final short EF_MY_NUMBER_IMAGE = (short) 0x0005;
    static final short IEF_BIRTH_DATE_KEY = (short) 0x0011;
    static final short IEF_VERIFICATION_CODE_B = (short) 0x0012;
    static final short IEF_VERIFICATION_CODE_A = (short) 0x0013;
    static final short IEF_OWN_KEY = (short) 0x001A;

    /** Used only if the issuer passes limit 00: the issuer sets the (unconfirmed) limits it chose. */
    private static final byte FALLBACK_TRIES = (byte) 10;

    private SurfaceApplet() {
        super((byte) 5, (byte) 3, (byte) 1);
        addPin(IEF_BIRTH_DATE_KEY, PinFormat.SIX_DIGITS, FALLBACK_TRIES);
        addPin(IEF_VERIFICATION_CODE_B, PinFormat.FOURTEEN_DIGITS, FALLBACK_TRIES);
        addPin(IEF_VERIFICATION_CODE_A, PinFormat.TWELVE_DIGITS, FALLBACK_TRIES);
        byte codeA = pinBit(IEF_VERIFICATION_CODE_A);
        byte codeB = pinBit(IEF_VERIFICATION_CODE_B);
        addDataFile(EF_AGE_RECORD, pinBit(IEF_BIRTH_DATE_KEY));
        addDataFile(EF_CARD_FACE, (byte) (codeA | codeB));
        addDataFile(EF_AP_BASIC_INFO, DataFile.FREE);
        addDataFile(EF_CV_CERTIFICATE, DataFile.FREE);
        addDataFile(EF_MY_NUMBER_IMAGE, codeA);
        addOwnSigningKey(IEF_OWN_KEY);
    }

    public static void install(byte[] parameters, short offset, byte length) {
        new SurfaceApplet().registerWith(parameters, offset, length);
    }
}
