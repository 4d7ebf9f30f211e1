package dev.mynasim.model;

/** The PINs of the card: the application they live in, their IEF, their name and their try limit. */
public enum Pin {
    /** 利用者証明用電子証明書 暗証番号: 4 digits, 3 tries. */
    AUTH(CardApplication.JPKI, 0x0018, Labels.AUTH, Labels.AUTH_JA, 3),
    /** 署名用電子証明書 パスワード: 6–16 of A-Z0-9, 5 tries. */
    SIGN(CardApplication.JPKI, 0x001B, Labels.SIGN, Labels.SIGN_JA, 5),
    /** 券面事項入力補助用暗証番号: 4 digits, 3 tries; opens the My Number and the basic 4. */
    TEXT(CardApplication.TEXT, 0x0011, Labels.TEXT, Labels.TEXT_JA, 3),
    /** Text AP 0012: blocked from issuance on every card examined. */
    TEXT_BLOCKED(CardApplication.TEXT, 0x0012, Labels.TEXT_BLOCKED, Labels.TEXT_BLOCKED_JA, 0),
    /** Text AP 照合番号A (the My Number): opens the My Number only. */
    TEXT_CODE_A(CardApplication.TEXT, 0x0014, Labels.TEXT_CODE_A, Labels.TEXT_CODE_A_JA, TryLimits.VERIFICATION_CODES),
    /** Text AP 照合番号B (era birth date + expiry year + security code): opens the basic 4 only. */
    TEXT_CODE_B(CardApplication.TEXT, 0x0015, Labels.TEXT_CODE_B, Labels.TEXT_CODE_B_JA, TryLimits.VERIFICATION_CODES),
    /** Surface AP 生年月日 key (era YYMMDD): opens the age record. */
    BIRTH_DATE(CardApplication.SURFACE, 0x0011, Labels.BIRTH_DATE, Labels.BIRTH_DATE_JA, TryLimits.VERIFICATION_CODES),
    /** Surface AP 照合番号B: note 0012 here (the text AP's B is 0015). */
    SURFACE_CODE_B(CardApplication.SURFACE, 0x0012, Labels.SURFACE_CODE_B, Labels.SURFACE_CODE_B_JA, TryLimits.VERIFICATION_CODES),
    /** Surface AP 照合番号A: note 0013 here (the text AP's A is 0014). */
    SURFACE_CODE_A(CardApplication.SURFACE, 0x0013, Labels.SURFACE_CODE_A, Labels.SURFACE_CODE_A_JA, TryLimits.VERIFICATION_CODES),
    /** 住基AP 001C: 4 digits, 3 tries. */
    JUKI(CardApplication.JUKI, 0x001C, Labels.JUKI, Labels.JUKI_JA, 3),
    /** 共通カードAP 001C: 4 digits, 3 tries, its own counter. */
    COMMON(CardApplication.COMMON, 0x001C, Labels.COMMON, Labels.COMMON_JA, 3);

    /** The names scenarios use, in English and in Japanese (the guidebook's and J-LIS's terms); compile-time constants so a Cucumber parameter type can use {@link #LABEL_PATTERN}. */
    public static final class Labels {
        public static final String AUTH_JA = "利用者証明用暗証番号";
        public static final String AUTH = "user-proof PIN";
        public static final String SIGN_JA = "署名用パスワード";
        public static final String SIGN = "signature password";
        public static final String TEXT_JA = "券面事項入力補助用暗証番号";
        public static final String TEXT = "card-info PIN";
        public static final String TEXT_BLOCKED_JA = "券面事項入力補助APの閉塞鍵0012";
        public static final String TEXT_BLOCKED = "blocked text AP key 0012";
        public static final String TEXT_CODE_A_JA = "券面事項入力補助APの照合番号A";
        public static final String TEXT_CODE_A = "text AP verification code A";
        public static final String TEXT_CODE_B_JA = "券面事項入力補助APの照合番号B";
        public static final String TEXT_CODE_B = "text AP verification code B";
        public static final String BIRTH_DATE_JA = "生年月日キー";
        public static final String BIRTH_DATE = "birth-date key";
        public static final String SURFACE_CODE_A_JA = "券面事項確認APの照合番号A";
        public static final String SURFACE_CODE_A = "surface AP verification code A";
        public static final String SURFACE_CODE_B_JA = "券面事項確認APの照合番号B";
        public static final String SURFACE_CODE_B = "surface AP verification code B";
        public static final String JUKI_JA = "住民基本台帳用暗証番号";
        public static final String JUKI = "resident-register PIN";
        public static final String COMMON_JA = "共通カードAPの暗証番号";
        public static final String COMMON = "common AP PIN";

        private Labels() {
        }
    }

    /** Every PIN's label, English and Japanese, as one regular expression (a test checks it lists each label once). */
    public static final String LABEL_PATTERN = Labels.AUTH + "|" + Labels.SIGN + "|" + Labels.TEXT + "|" + Labels.TEXT_BLOCKED
            + "|" + Labels.TEXT_CODE_A + "|" + Labels.TEXT_CODE_B + "|" + Labels.BIRTH_DATE
            + "|" + Labels.SURFACE_CODE_A + "|" + Labels.SURFACE_CODE_B + "|" + Labels.JUKI + "|" + Labels.COMMON
            + "|" + Labels.AUTH_JA + "|" + Labels.SIGN_JA + "|" + Labels.TEXT_JA + "|" + Labels.TEXT_BLOCKED_JA
            + "|" + Labels.TEXT_CODE_A_JA + "|" + Labels.TEXT_CODE_B_JA + "|" + Labels.BIRTH_DATE_JA
            + "|" + Labels.SURFACE_CODE_A_JA + "|" + Labels.SURFACE_CODE_B_JA + "|" + Labels.JUKI_JA + "|" + Labels.COMMON_JA;

    private final CardApplication application;
    private final int fid;
    private final String label;
    private final String labelJa;
    private final int maxTries;

    Pin(CardApplication application, int fid, String label, String labelJa, int maxTries) {
        this.application = application;
        this.fid = fid;
        this.label = label;
        this.labelJa = labelJa;
        this.maxTries = maxTries;
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

    /** By its label, as scenarios write it, in English or in Japanese. */
    public static Pin labelled(String label) {
        return dev.mynasim.model.Labels.find(values(), Pin::label, Pin::labelJa, label, "PIN");
    }

    public int maxTries() {
        return maxTries;
    }
}
