package dev.mynasim.model;

/**
 * The card's instructions with their class byte (docs/card-reference.md §2–§4, docs/personalisation.md).
 * CLA 00 is ISO 7816-4; CLA 80 is proprietary (the JPKI signature, JICSAP CHANGE KEY, the issuer's
 * personalisation commands). A test ties each INS to the applets' own table.
 */
public enum Instruction {
    SELECT(0x00, 0xA4),
    READ_BINARY(0x00, 0xB0),
    READ_RECORD(0x00, 0xB2),
    VERIFY(0x00, 0x20),
    CHANGE_REFERENCE_DATA(0x00, 0x24),
    CHANGE_KEY(0x80, 0x32),
    SIGN(0x80, 0x2A),
    GET_CHALLENGE(0x00, 0x84),
    INTERNAL_AUTHENTICATE(0x00, 0x88),
    /** GET DATA: the MF's objects with CLA 00, the MynaSim marker with CLA 80. */
    GET_DATA(0x00, 0xCA),
    EXTERNAL_AUTHENTICATE(0x00, 0x82),
    RESET_RETRY_COUNTER(0x00, 0x2C),
    GENERATE_KEY_PAIR(0x00, 0x46),
    CREATE_EF(0x80, 0xE0),
    WRITE_BINARY(0x80, 0xD6),
    SET_PIN(0x80, 0xDA),
    SET_KEY(0x80, 0xDB),
    SET_OPTION(0x80, 0xDC),
    SEED_RANDOM(0x80, 0xDD),
    SET_DATA_OBJECT(0x80, 0xDE),
    LOCK(0x80, 0xF0);

    private final int cla;
    private final int ins;

    Instruction(int cla, int ins) {
        this.cla = cla;
        this.ins = ins;
    }

    public int cla() {
        return cla;
    }

    public int ins() {
        return ins;
    }
}
