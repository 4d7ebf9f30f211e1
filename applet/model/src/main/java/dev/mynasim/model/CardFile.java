package dev.mynasim.model;

/** The data EFs of every application (docs/card-reference.md §2), with the names scenarios use. */
public enum CardFile {
    SIGN_CERTIFICATE(CardApplication.JPKI, 0x0001, Labels.SIGN_CERTIFICATE, Labels.SIGN_CERTIFICATE_JA),
    SIGN_CA_CERTIFICATE(CardApplication.JPKI, 0x0002, Labels.SIGN_CA_CERTIFICATE, Labels.SIGN_CA_CERTIFICATE_JA),
    TOKEN_INFO(CardApplication.JPKI, 0x0006, "token information", "トークン情報"),
    CERTIFICATE_AVAILABILITY(CardApplication.JPKI, 0x0008, "certificate availability", "電子証明書の有無"),
    JPKI_PROTECTED_0009(CardApplication.JPKI, 0x0009, "JPKI protected EF 0009", "公的個人認証APの保護されたEF 0009"),
    AUTH_CERTIFICATE(CardApplication.JPKI, 0x000A, Labels.AUTH_CERTIFICATE, Labels.AUTH_CERTIFICATE_JA),
    AUTH_CA_CERTIFICATE(CardApplication.JPKI, 0x000B, Labels.AUTH_CA_CERTIFICATE, Labels.AUTH_CA_CERTIFICATE_JA),
    MY_NUMBER(CardApplication.TEXT, 0x0001, Labels.MY_NUMBER, Labels.MY_NUMBER_JA),
    BASIC_FOUR(CardApplication.TEXT, 0x0002, Labels.BASIC_FOUR, Labels.BASIC_FOUR_JA),
    INTEGRITY_RECORD(CardApplication.TEXT, 0x0003, Labels.INTEGRITY_RECORD, Labels.INTEGRITY_RECORD_JA),
    TEXT_CV_CERTIFICATE(CardApplication.TEXT, 0x0004, "text AP CV certificate", "券面事項入力補助APのCV証明書"),
    TEXT_BASIC_INFO(CardApplication.TEXT, 0x0005, "text AP basic information", "券面事項入力補助APの基本情報"),
    TEXT_SESSION_KEY_PUBLIC_KEY(CardApplication.TEXT, 0x0006, "text AP session-key public key", "券面事項入力補助APのセッション鍵用公開鍵"),
    TEXT_SIGNED_PUBLIC_KEY(CardApplication.TEXT, 0x0007, "text AP signed public key", "券面事項入力補助APの署名付き公開鍵"),
    TEXT_UNKNOWN_0008(CardApplication.TEXT, 0x0008, "text AP EF 0008", "券面事項入力補助APのEF 0008"),
    AGE_RECORD(CardApplication.SURFACE, 0x0001, Labels.AGE_RECORD, Labels.AGE_RECORD_JA),
    CARD_FACE(CardApplication.SURFACE, 0x0002, Labels.CARD_FACE, Labels.CARD_FACE_JA),
    SURFACE_BASIC_INFO(CardApplication.SURFACE, 0x0003, "surface AP basic information", "券面事項確認APの基本情報"),
    SURFACE_CV_CERTIFICATE(CardApplication.SURFACE, 0x0004, "surface AP CV certificate", "券面事項確認APのCV証明書"),
    MY_NUMBER_IMAGE(CardApplication.SURFACE, 0x0005, Labels.MY_NUMBER_IMAGE, Labels.MY_NUMBER_IMAGE_JA),
    SURFACE_UNKNOWN_0006(CardApplication.SURFACE, 0x0006, "surface AP EF 0006", "券面事項確認APのEF 0006"),
    JUKI_KEY_REFERENCE(CardApplication.JUKI, 0x0002, "住基AP key reference", "住基APの鍵参照"),
    COMMON_KEY_REFERENCE(CardApplication.COMMON, 0x0002, "common AP key reference", "共通APの鍵参照"),
    CARD_RECORD(CardApplication.COMMON, 0x0001, "card record", "カード記録");

    /** Names scenarios use, in English and in Japanese (J-LIS's terms); compile-time constants for the Cucumber parameter types. */
    public static final class Labels {
        public static final String SIGN_CERTIFICATE_JA = "署名用電子証明書";
        public static final String SIGN_CERTIFICATE = "signature certificate";
        public static final String SIGN_CA_CERTIFICATE_JA = "署名用CA証明書";
        public static final String SIGN_CA_CERTIFICATE = "signature CA certificate";
        public static final String AUTH_CERTIFICATE_JA = "利用者証明用電子証明書";
        public static final String AUTH_CERTIFICATE = "user-proof certificate";
        public static final String AUTH_CA_CERTIFICATE_JA = "利用者証明用CA証明書";
        public static final String AUTH_CA_CERTIFICATE = "user-proof CA certificate";
        public static final String MY_NUMBER_JA = "個人番号";
        public static final String MY_NUMBER = "My Number";
        public static final String BASIC_FOUR_JA = "基本4情報";
        public static final String BASIC_FOUR = "basic 4";
        public static final String INTEGRITY_RECORD_JA = "真正性確認情報";
        public static final String INTEGRITY_RECORD = "integrity record";
        public static final String AGE_RECORD_JA = "生年月日情報";
        public static final String AGE_RECORD = "age record";
        public static final String CARD_FACE_JA = "券面画像";
        public static final String CARD_FACE = "card face";
        public static final String MY_NUMBER_IMAGE_JA = "個人番号画像";
        public static final String MY_NUMBER_IMAGE = "My Number image";

        private Labels() {
        }
    }

    /** The holder-data files of the 券面 APs by name, English and Japanese (the longer names first so none is cut short). */
    public static final String HOLDER_DATA_PATTERN = Labels.MY_NUMBER_IMAGE + "|" + Labels.MY_NUMBER + "|" + Labels.BASIC_FOUR
            + "|" + Labels.INTEGRITY_RECORD + "|" + Labels.CARD_FACE + "|" + Labels.AGE_RECORD
            + "|" + Labels.MY_NUMBER_IMAGE_JA + "|" + Labels.MY_NUMBER_JA + "|" + Labels.BASIC_FOUR_JA
            + "|" + Labels.INTEGRITY_RECORD_JA + "|" + Labels.CARD_FACE_JA + "|" + Labels.AGE_RECORD_JA;

    /** The JPKI certificate files by name, English and Japanese. */
    public static final String CERTIFICATE_PATTERN = Labels.AUTH_CA_CERTIFICATE + "|" + Labels.SIGN_CA_CERTIFICATE
            + "|" + Labels.AUTH_CERTIFICATE + "|" + Labels.SIGN_CERTIFICATE
            + "|" + Labels.AUTH_CA_CERTIFICATE_JA + "|" + Labels.SIGN_CA_CERTIFICATE_JA
            + "|" + Labels.AUTH_CERTIFICATE_JA + "|" + Labels.SIGN_CERTIFICATE_JA;

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

    public CardApplication application() {
        return application;
    }

    public int fid() {
        return fid;
    }

    public String label() {
        return label;
    }

    /** Its name in Japanese scenarios. */
    public String labelJa() {
        return labelJa;
    }

    /** By its label, in English or in Japanese. */
    public static CardFile labelled(String label) {
        return dev.mynasim.model.Labels.find(values(), CardFile::label, CardFile::labelJa, label, "card file");
    }
}
