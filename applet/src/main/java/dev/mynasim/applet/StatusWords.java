package dev.mynasim.applet;

/** Status words the My Number Card uses that javacard.framework.ISO7816 does not name. */
final class StatusWords {
    private StatusWords() {
    }

    /** Warning: end of file reached before Le bytes were read (option 02 = 01). */
    static final short END_OF_FILE_WARNING = (short) 0x6282;
    /** VERIFY wrong or status query: 63Cx, x = tries left. */
    static final short AUTHENTICATION_FAILED = (short) 0x6300;
    static final short TRIES_LEFT_BASE = (short) 0x63C0;
    static final short NOT_ENOUGH_MEMORY = (short) 0x6A84;
    /** 6400 execution error: no key pair passed the pairwise consistency test after generation. */
    static final short KEY_GENERATION_FAILED = (short) 0x6400;
    /** Logical channel other than 0. */
    static final short LOGICAL_CHANNEL_NOT_SUPPORTED = (short) 0x6881;
    /** Secure-messaging CLA on SELECT. */
    static final short SECURE_MESSAGING_NOT_SUPPORTED = (short) 0x6882;
    /** Command chaining bit set. */
    static final short CHAINING_NOT_SUPPORTED = (short) 0x6884;
    /** Secure-messaging CLA outside an SM session (observed for READ and VERIFY with CLA 08/0C). */
    static final short SECURE_MESSAGING_NO_SESSION = (short) 0x69FC;
    /** Command incompatible with the file structure: READ on an IEF, VERIFY on a data EF. */
    static final short INCOMPATIBLE_WITH_FILE = (short) 0x6981;
    /** Referenced PIN IEF is blocked. */
    static final short REFERENCE_BLOCKED = (short) 0x6984;
    /** Record not found (READ RECORD). */
    static final short RECORD_NOT_FOUND = (short) 0x6A83;
    /** Data object absent (GET DATA). */
    static final short DATA_OBJECT_NOT_FOUND = (short) 0x6A88;
    /** CREATE EF of an EF that already exists. */
    static final short FILE_ALREADY_EXISTS = (short) 0x6A89;
}
