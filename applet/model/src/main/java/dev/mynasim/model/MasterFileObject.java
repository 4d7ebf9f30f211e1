package dev.mynasim.model;

/** The data objects GET DATA reads at the master-file level, by tag (docs/card-reference.md §2.5). */
public enum MasterFileObject {
    /** The contact ATR without its TS byte. */
    CONTACT_ATR(0x5F51),
    /** The municipality code, 5 ASCII digits. */
    MUNICIPALITY_CODE(0x00F0),
    /** The card's expiry, YYYYMMDD in ASCII. */
    EXPIRY(0x00F2);

    private final int tag;

    MasterFileObject(int tag) {
        this.tag = tag;
    }

    public int tag() {
        return tag;
    }
}
