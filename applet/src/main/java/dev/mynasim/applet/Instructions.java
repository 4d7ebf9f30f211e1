package dev.mynasim.applet;

/**
 * Every instruction byte the applets answer, in one place (the host-side copy is the card model's
 * {@code Instruction}, tied to this class by a test). CLA 00 is ISO 7816-4, CLA 80 proprietary.
 */
final class Instructions {
    // ---- the holder's commands (docs/card-reference.md §2–§4) ----
    static final byte INS_SELECT = (byte) 0xA4;
    static final byte INS_READ_BINARY = (byte) 0xB0;
    /** READ BINARY with an odd INS (data-object offsets): refused at the MF level. */
    static final byte INS_READ_BINARY_ODD = (byte) 0xB1;
    static final byte INS_READ_RECORD = (byte) 0xB2;
    static final byte INS_VERIFY = (byte) 0x20;
    static final byte INS_CHANGE_REFERENCE_DATA = (byte) 0x24;
    /** JICSAP CHANGE KEY (CLA 80): the 住基 and common APs' PIN change. */
    static final byte INS_CHANGE_KEY = (byte) 0x32;
    /** The JPKI signature (CLA 80), not ISO PSO. */
    static final byte INS_SIGN = (byte) 0x2A;
    static final byte INS_GET_CHALLENGE = (byte) 0x84;
    static final byte INS_INTERNAL_AUTHENTICATE = (byte) 0x88;
    /** GET DATA: the MF's data objects (CLA 00), the MynaSim marker (CLA 80). */
    static final byte INS_GET_DATA = (byte) 0xCA;

    // ---- the issuer's commands (docs/personalisation.md) ----
    /** ISO EXTERNAL AUTHENTICATE: opens the issuer channel (IssuerAuthentication). */
    static final byte INS_EXTERNAL_AUTHENTICATE = (byte) 0x82;
    /** ISO RESET RETRY COUNTER. */
    static final byte INS_RESET_RETRY_COUNTER = (byte) 0x2C;
    /** ISO GENERATE ASYMMETRIC KEY PAIR: a new RSA-2048 pair on the card, the modulus answered. */
    static final byte INS_GENERATE_KEY_PAIR = (byte) 0x46;
    static final byte INS_CREATE_EF = (byte) 0xE0;
    static final byte INS_WRITE_BINARY = (byte) 0xD6;
    static final byte INS_SET_PIN = (byte) 0xDA;
    static final byte INS_SET_KEY = (byte) 0xDB;
    static final byte INS_SET_OPTION = (byte) 0xDC;
    static final byte INS_SEED_RANDOM = (byte) 0xDD;
    static final byte INS_SET_DATA_OBJECT = (byte) 0xDE;
    static final byte INS_LOCK = (byte) 0xF0;

    private Instructions() {
    }
}
