package dev.mynasim.model;

/** The data EFs of every application (docs/card-reference.md §2), with the names scenarios use. */
public enum CardFile {
    SIGN_CERTIFICATE(CardApplication.JPKI, 0x0001, Labels.SIGN_CERTIFICATE),
    SIGN_CA_CERTIFICATE(CardApplication.JPKI, 0x0002, Labels.SIGN_CA_CERTIFICATE),
    TOKEN_INFO(CardApplication.JPKI, 0x0006, "token information"),
    CERTIFICATE_AVAILABILITY(CardApplication.JPKI, 0x0008, "certificate availability"),
    AUTH_CERTIFICATE(CardApplication.JPKI, 0x000A, Labels.AUTH_CERTIFICATE),
    AUTH_CA_CERTIFICATE(CardApplication.JPKI, 0x000B, Labels.AUTH_CA_CERTIFICATE),
    MY_NUMBER(CardApplication.TEXT, 0x0001, Labels.MY_NUMBER),
    BASIC_FOUR(CardApplication.TEXT, 0x0002, Labels.BASIC_FOUR),
    INTEGRITY_RECORD(CardApplication.TEXT, 0x0003, Labels.INTEGRITY_RECORD),
    TEXT_CV_CERTIFICATE(CardApplication.TEXT, 0x0004, "text AP CV certificate"),
    TEXT_BASIC_INFO(CardApplication.TEXT, 0x0005, "text AP basic information"),
    AGE_RECORD(CardApplication.SURFACE, 0x0001, Labels.AGE_RECORD),
    CARD_FACE(CardApplication.SURFACE, 0x0002, Labels.CARD_FACE),
    SURFACE_BASIC_INFO(CardApplication.SURFACE, 0x0003, "surface AP basic information"),
    SURFACE_CV_CERTIFICATE(CardApplication.SURFACE, 0x0004, "surface AP CV certificate"),
    MY_NUMBER_IMAGE(CardApplication.SURFACE, 0x0005, Labels.MY_NUMBER_IMAGE),
    CARD_RECORD(CardApplication.COMMON, 0x0001, "card record");

    /** Names scenarios use; compile-time constants for the Cucumber parameter types. */
    public static final class Labels {
        public static final String SIGN_CERTIFICATE = "signature certificate";
        public static final String SIGN_CA_CERTIFICATE = "signature CA certificate";
        public static final String AUTH_CERTIFICATE = "user-proof certificate";
        public static final String AUTH_CA_CERTIFICATE = "user-proof CA certificate";
        public static final String MY_NUMBER = "My Number";
        public static final String BASIC_FOUR = "basic 4";
        public static final String INTEGRITY_RECORD = "integrity record";
        public static final String AGE_RECORD = "age record";
        public static final String CARD_FACE = "card face";
        public static final String MY_NUMBER_IMAGE = "My Number image";

        private Labels() {
        }
    }

    /** The holder-data files of the 券面 APs by name (the longer names first so none is cut short). */
    public static final String HOLDER_DATA_PATTERN = Labels.MY_NUMBER_IMAGE + "|" + Labels.MY_NUMBER + "|" + Labels.BASIC_FOUR
            + "|" + Labels.INTEGRITY_RECORD + "|" + Labels.CARD_FACE + "|" + Labels.AGE_RECORD;

    /** The JPKI certificate files by name. */
    public static final String CERTIFICATE_PATTERN = Labels.AUTH_CA_CERTIFICATE + "|" + Labels.SIGN_CA_CERTIFICATE
            + "|" + Labels.AUTH_CERTIFICATE + "|" + Labels.SIGN_CERTIFICATE;

    private final CardApplication application;
    private final int fid;
    private final String label;

    CardFile(CardApplication application, int fid, String label) {
        this.application = application;
        this.fid = fid;
        this.label = label;
    }

    public CardApplication application() {
        return application;
    }

    public int fid() {
        return fid;
    }

    public String label() {
        return label;
    }

    public static CardFile labelled(String label) {
        return dev.mynasim.model.Labels.find(values(), CardFile::label, label, "card file");
    }
}
