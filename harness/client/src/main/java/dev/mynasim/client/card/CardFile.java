package dev.mynasim.client.card;

/** The data EFs of the 券面 and common APs that scenarios name (card-spec.md §2.2–2.4). */
public enum CardFile {
    MY_NUMBER(CardApplication.TEXT, 0x0001, "My Number"),
    BASIC_FOUR(CardApplication.TEXT, 0x0002, "basic 4"),
    INTEGRITY_RECORD(CardApplication.TEXT, 0x0003, "integrity record"),
    TEXT_CV_CERTIFICATE(CardApplication.TEXT, 0x0004, "text AP CV certificate"),
    AGE_RECORD(CardApplication.SURFACE, 0x0001, "age record"),
    CARD_FACE(CardApplication.SURFACE, 0x0002, "card face"),
    SURFACE_CV_CERTIFICATE(CardApplication.SURFACE, 0x0004, "surface AP CV certificate"),
    MY_NUMBER_IMAGE(CardApplication.SURFACE, 0x0005, "My Number image");

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
        for (CardFile file : values()) {
            if (file.label.equals(label)) {
                return file;
            }
        }
        throw new IllegalArgumentException("no card file labelled \"" + label + "\"");
    }
}
