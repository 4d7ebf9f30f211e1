package dev.mynasim.client.card;

/** The data EFs of the 券面 and common APs that scenarios name (card-spec.md §2.2–2.4). */
public enum CardFile {
    MY_NUMBER(CardApplication.TEXT, 0x0001, Words.MY_NUMBER, Words.MY_NUMBER_JA),
    BASIC_FOUR(CardApplication.TEXT, 0x0002, Words.BASIC_FOUR, Words.BASIC_FOUR_JA),
    INTEGRITY_RECORD(CardApplication.TEXT, 0x0003, Words.INTEGRITY_RECORD, Words.INTEGRITY_RECORD_JA),
    TEXT_CV_CERTIFICATE(CardApplication.TEXT, 0x0004, Words.TEXT_CV_CERTIFICATE, Words.TEXT_CV_CERTIFICATE_JA),
    AGE_RECORD(CardApplication.SURFACE, 0x0001, Words.AGE_RECORD, Words.AGE_RECORD_JA),
    CARD_FACE(CardApplication.SURFACE, 0x0002, Words.CARD_FACE, Words.CARD_FACE_JA),
    SURFACE_CV_CERTIFICATE(CardApplication.SURFACE, 0x0004, Words.SURFACE_CV_CERTIFICATE, Words.SURFACE_CV_CERTIFICATE_JA),
    MY_NUMBER_IMAGE(CardApplication.SURFACE, 0x0005, Words.MY_NUMBER_IMAGE, Words.MY_NUMBER_IMAGE_JA);

    private final CardApplication application;
    private final int fid;
    private final String label;
    private final String labelJa;

    CardFile(CardApplication application, int fid, String label, String labelJa) {
        this.application = application;
        this.fid = fid;
        this.label = label;
        this.labelJa = labelJa;
    }

    /** What scenarios call each file, in English and in Japanese; constants, so {@link #PATTERN} is built from them. */
    public static final class Words {
        public static final String MY_NUMBER = "My Number";
        public static final String MY_NUMBER_JA = "個人番号";
        public static final String BASIC_FOUR = "basic 4";
        public static final String BASIC_FOUR_JA = "基本4情報";
        public static final String INTEGRITY_RECORD = "integrity record";
        public static final String INTEGRITY_RECORD_JA = "真正性確認情報";
        public static final String TEXT_CV_CERTIFICATE = "text AP CV certificate";
        public static final String TEXT_CV_CERTIFICATE_JA = "券面事項入力補助APのCV証明書";
        public static final String AGE_RECORD = "age record";
        public static final String AGE_RECORD_JA = "生年月日情報";
        public static final String CARD_FACE = "card face";
        public static final String CARD_FACE_JA = "券面画像";
        public static final String SURFACE_CV_CERTIFICATE = "surface AP CV certificate";
        public static final String SURFACE_CV_CERTIFICATE_JA = "券面事項確認APのCV証明書";
        public static final String MY_NUMBER_IMAGE = "My Number image";
        public static final String MY_NUMBER_IMAGE_JA = "個人番号画像";

        private Words() {
        }
    }

    /** A regular expression matching exactly the labels of every file, English and Japanese. */
    public static final String PATTERN = Words.MY_NUMBER + "|" + Words.MY_NUMBER_JA + "|" + Words.BASIC_FOUR + "|" + Words.BASIC_FOUR_JA + "|" + Words.INTEGRITY_RECORD + "|" + Words.INTEGRITY_RECORD_JA + "|" + Words.TEXT_CV_CERTIFICATE + "|" + Words.TEXT_CV_CERTIFICATE_JA + "|" + Words.AGE_RECORD + "|" + Words.AGE_RECORD_JA + "|" + Words.CARD_FACE + "|" + Words.CARD_FACE_JA + "|" + Words.SURFACE_CV_CERTIFICATE + "|" + Words.SURFACE_CV_CERTIFICATE_JA + "|" + Words.MY_NUMBER_IMAGE + "|" + Words.MY_NUMBER_IMAGE_JA;

    public CardApplication application() {
        return application;
    }

    public int fid() {
        return fid;
    }

    public String label() {
        return label;
    }

    /** The Japanese name, as Japanese scenarios write it. */
    public String labelJa() {
        return labelJa;
    }

    /** By its label, as scenarios write it, in English or in Japanese. */
    public static CardFile labelled(String label) {
        for (CardFile file : values()) {
            if (file.label.equals(label) || file.labelJa.equals(label)) {
                return file;
            }
        }
        throw new IllegalArgumentException("no card file labelled \"" + label + "\"");
    }
}
