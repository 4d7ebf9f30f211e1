package dev.mynasim.harness.card;

/** The PINs of the card: the application they live in, their IEF, their name and their try limit. */
public enum Pin {
    /** 利用者証明用電子証明書 暗証番号: 4 digits, 3 tries. */
    AUTH(CardApplication.JPKI, 0x0018, "user-proof PIN", 3),
    /** 署名用電子証明書 パスワード: 6–16 of A-Z0-9, 5 tries. */
    SIGN(CardApplication.JPKI, 0x001B, "signature password", 5);

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

    public int maxTries() {
        return maxTries;
    }
}
