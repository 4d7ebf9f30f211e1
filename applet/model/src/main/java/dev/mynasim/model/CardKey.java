package dev.mynasim.model;

/** Every private key of the card, by application and IEF (docs/card-reference.md §2). */
public enum CardKey {
    /** The user-proof (authentication) key, behind {@link Pin#AUTH}. */
    JPKI_AUTH(CardApplication.JPKI, 0x0017),
    /** The signature key, behind {@link Pin#SIGN}. */
    JPKI_SIGN(CardApplication.JPKI, 0x001A),
    /** The text AP's own key (its INTERNAL AUTHENTICATE). */
    TEXT_OWN(CardApplication.TEXT, 0x0013),
    /** The surface AP's own key. */
    SURFACE_OWN(CardApplication.SURFACE, 0x001A),
    /** The common AP's key that answers INTERNAL AUTHENTICATE without a PIN. */
    COMMON_AUTHENTICATION(CardApplication.COMMON, 0x0019);

    private final CardApplication application;
    private final int fid;

    CardKey(CardApplication application, int fid) {
        this.application = application;
        this.fid = fid;
    }

    public CardApplication application() {
        return application;
    }

    public int fid() {
        return fid;
    }
}
