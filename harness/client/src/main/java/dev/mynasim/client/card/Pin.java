package dev.mynasim.client.card;

import dev.mynasim.simulator.issuer.CardImages;

/** The PINs of the card: the application they live in, their IEF, their name and their try limit. */
public enum Pin {
    /** 利用者証明用電子証明書 暗証番号: 4 digits, 3 tries. */
    AUTH(CardApplication.JPKI, 0x0018, "user-proof PIN", 3),
    /** 署名用電子証明書 パスワード: 6–16 of A-Z0-9, 5 tries. */
    SIGN(CardApplication.JPKI, 0x001B, "signature password", 5),
    /** 券面事項入力補助用暗証番号: 4 digits, 3 tries; opens the My Number and the basic 4. */
    TEXT(CardApplication.TEXT, 0x0011, "card-info PIN", 3),
    /** Text AP 0012: blocked from issuance on every card examined. */
    TEXT_BLOCKED(CardApplication.TEXT, 0x0012, "blocked text AP key 0012", 0),
    /** Text AP 照合番号A (the My Number): opens the My Number only. */
    TEXT_CODE_A(CardApplication.TEXT, 0x0014, "text AP verification code A", CardImages.VERIFICATION_CODE_TRIES),
    /** Text AP 照合番号B (era birth date + expiry year + security code): opens the basic 4 only. */
    TEXT_CODE_B(CardApplication.TEXT, 0x0015, "text AP verification code B", CardImages.VERIFICATION_CODE_TRIES),
    /** Surface AP 生年月日 key (era YYMMDD): opens the age record. */
    BIRTH_DATE(CardApplication.SURFACE, 0x0011, "birth-date key", CardImages.VERIFICATION_CODE_TRIES),
    /** Surface AP 照合番号B: note 0012 here (the text AP's B is 0015). */
    SURFACE_CODE_B(CardApplication.SURFACE, 0x0012, "surface AP verification code B", CardImages.VERIFICATION_CODE_TRIES),
    /** Surface AP 照合番号A: note 0013 here (the text AP's A is 0014). */
    SURFACE_CODE_A(CardApplication.SURFACE, 0x0013, "surface AP verification code A", CardImages.VERIFICATION_CODE_TRIES),
    /** 住基AP 001C: 4 digits, 3 tries. */
    JUKI(CardApplication.JUKI, 0x001C, "resident-register PIN", 3),
    /** 共通カードAP 001C: 4 digits, 3 tries, its own counter. */
    COMMON(CardApplication.COMMON, 0x001C, "common AP PIN", 3);

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
        for (Pin pin : values()) {
            if (pin.label.equals(label)) {
                return pin;
            }
        }
        throw new IllegalArgumentException("no PIN labelled \"" + label + "\"");
    }

    public int maxTries() {
        return maxTries;
    }
}
