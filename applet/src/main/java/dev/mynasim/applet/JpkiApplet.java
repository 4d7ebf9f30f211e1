package dev.mynasim.applet;

/**
 * 公的個人認証AP (JPKI-AP), AID D3 92 F0 00 26 01 00 00 00 01: certificates, the auth PIN and
 * the sign password, and the two RSA-2048 keys (docs/card-reference.md §2.1, §3, §4). Installed empty; the
 * issuer writes certificates, token info and availability bytes (docs/personalisation.md).
 */
public final class JpkiApplet extends MynaApplication {
    static final short EF_SIGN_CERTIFICATE = (short) 0x0001;
    static final short EF_SIGN_CA_CERTIFICATE = (short) 0x0002;
    static final short EF_TOKEN_INFO = (short) 0x0006;
    static final short EF_CERTIFICATE_AVAILABILITY = (short) 0x0008;
    static final short EF_AUTH_CERTIFICATE = (short) 0x000A;
    static final short EF_AUTH_CA_CERTIFICATE = (short) 0x000B;
    static final short IEF_AUTH_KEY = (short) 0x0017;
    static final short IEF_AUTH_PIN = (short) 0x0018;
    static final short IEF_SIGN_KEY = (short) 0x001A;
    static final short IEF_SIGN_PASSWORD = (short) 0x001B;

    private static final byte AUTH_PIN_TRIES = (byte) 3;
    private static final byte SIGN_PASSWORD_TRIES = (byte) 5;

    private JpkiApplet() {
        super((byte) 6, (byte) 2, (byte) 2);
        addPin(IEF_AUTH_PIN, PinFormat.FOUR_DIGITS, AUTH_PIN_TRIES);
        addPin(IEF_SIGN_PASSWORD, PinFormat.UPPER_ALPHANUMERIC_6_TO_16, SIGN_PASSWORD_TRIES);
        addDataFile(EF_SIGN_CERTIFICATE, pinBit(IEF_SIGN_PASSWORD));
        addDataFile(EF_SIGN_CA_CERTIFICATE, DataFile.FREE);
        addDataFile(EF_TOKEN_INFO, DataFile.FREE);
        addDataFile(EF_CERTIFICATE_AVAILABILITY, DataFile.FREE);
        addDataFile(EF_AUTH_CERTIFICATE, DataFile.FREE);
        addDataFile(EF_AUTH_CA_CERTIFICATE, DataFile.FREE);
        addKeyFile(IEF_AUTH_KEY, IEF_AUTH_PIN, EF_AUTH_CERTIFICATE, false);
        addKeyFile(IEF_SIGN_KEY, IEF_SIGN_PASSWORD, EF_SIGN_CERTIFICATE, true);
    }

    public static void install(byte[] parameters, short offset, byte length) {
        new JpkiApplet().registerWith(parameters, offset, length);
    }
}
