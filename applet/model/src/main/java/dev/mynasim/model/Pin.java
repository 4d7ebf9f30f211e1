package dev.mynasim.model;

/** The PINs of the card: the application they live in, their IEF, their name and their try limit. */
public enum Pin {
    /** 利用者証明用電子証明書 暗証番号: 4 digits, 3 tries. */
    AUTH(CardApplication.JPKI, 0x0018, Labels.AUTH, 3),
    /** 署名用電子証明書 パスワード: 6–16 of A-Z0-9, 5 tries. */
    SIGN(CardApplication.JPKI, 0x001B, Labels.SIGN, 5),
    /** 券面事項入力補助用暗証番号: 4 digits, 3 tries; opens the My Number and the basic 4. */
    TEXT(CardApplication.TEXT, 0x0011, Labels.TEXT, 3),
    /** Text AP 0012: blocked from issuance on every card examined. */
    TEXT_BLOCKED(CardApplication.TEXT, 0x0012, Labels.TEXT_BLOCKED, 0),
    /** Text AP 照合番号A (the My Number): opens the My Number only. */
    TEXT_CODE_A(CardApplication.TEXT, 0x0014, Labels.TEXT_CODE_A, TryLimits.VERIFICATION_CODES),
    /** Text AP 照合番号B (era birth date + expiry year + security code): opens the basic 4 only. */
    TEXT_CODE_B(CardApplication.TEXT, 0x0015, Labels.TEXT_CODE_B, TryLimits.VERIFICATION_CODES),
    /** Surface AP 生年月日 key (era YYMMDD): opens the age record. */
    BIRTH_DATE(CardApplication.SURFACE, 0x0011, Labels.BIRTH_DATE, TryLimits.VERIFICATION_CODES),
    /** Surface AP 照合番号B: note 0012 here (the text AP's B is 0015). */
    SURFACE_CODE_B(CardApplication.SURFACE, 0x0012, Labels.SURFACE_CODE_B, TryLimits.VERIFICATION_CODES),
    /** Surface AP 照合番号A: note 0013 here (the text AP's A is 0014). */
    SURFACE_CODE_A(CardApplication.SURFACE, 0x0013, Labels.SURFACE_CODE_A, TryLimits.VERIFICATION_CODES),
    /** 住基AP 001C: 4 digits, 3 tries. */
    JUKI(CardApplication.JUKI, 0x001C, Labels.JUKI, 3),
    /** 共通カードAP 001C: 4 digits, 3 tries, its own counter. */
    COMMON(CardApplication.COMMON, 0x001C, Labels.COMMON, 3);

    /** The names scenarios use; compile-time constants so a Cucumber parameter type can use {@link #LABEL_PATTERN}. */
    public static final class Labels {
        public static final String AUTH = "user-proof PIN";
        public static final String SIGN = "signature password";
        public static final String TEXT = "card-info PIN";
        public static final String TEXT_BLOCKED = "blocked text AP key 0012";
        public static final String TEXT_CODE_A = "text AP verification code A";
        public static final String TEXT_CODE_B = "text AP verification code B";
        public static final String BIRTH_DATE = "birth-date key";
        public static final String SURFACE_CODE_A = "surface AP verification code A";
        public static final String SURFACE_CODE_B = "surface AP verification code B";
        public static final String JUKI = "resident-register PIN";
        public static final String COMMON = "common AP PIN";

        private Labels() {
        }
    }

    /** Every PIN's label as one regular expression (a test checks it lists each label once). */
    public static final String LABEL_PATTERN = Labels.AUTH + "|" + Labels.SIGN + "|" + Labels.TEXT + "|" + Labels.TEXT_BLOCKED
            + "|" + Labels.TEXT_CODE_A + "|" + Labels.TEXT_CODE_B + "|" + Labels.BIRTH_DATE
            + "|" + Labels.SURFACE_CODE_A + "|" + Labels.SURFACE_CODE_B + "|" + Labels.JUKI + "|" + Labels.COMMON;

    private final CardApplication application;
    private final int fid;
    private final String label;
    private final int maxTries;

    Pin(CardApplication application, int fid, String label, int maxTries) {
        this.application = application;
        this.fid = fid;
        this.label = label;
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

    /** By its label, as scenarios write it. */
    public static Pin labelled(String label) {
        return dev.mynasim.model.Labels.find(values(), Pin::label, label, "PIN");
    }

    public int maxTries() {
        return maxTries;
    }
}
