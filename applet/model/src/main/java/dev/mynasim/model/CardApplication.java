package dev.mynasim.model;

import java.util.HexFormat;

/** The applications (DFs) of the My Number Card, by AID (docs/card-reference.md §1). */
public enum CardApplication {
    JPKI("公的個人認証AP (JPKI-AP)", Words.JPKI, "D392F000260100000001"),
    TEXT("券面事項入力補助AP (text AP)", Words.TEXT, "D3921000310001010408"),
    SURFACE("券面事項確認AP (surface AP)", Words.SURFACE, "D3921000310001010402"),
    JUKI("住基AP", Words.JUKI, "D3921000310001010401"),
    COMMON("共通カードAP (common AP)", Words.COMMON, "D3921000310001010100");

    /** The names scenarios use; compile-time constants so a Cucumber parameter type can use {@link #WORDS_PATTERN}. */
    public static final class Words {
        public static final String JPKI = "JPKI AP";
        public static final String TEXT = "text AP";
        public static final String SURFACE = "surface AP";
        public static final String JUKI = "resident-register AP";
        public static final String COMMON = "common AP";

        private Words() {
        }
    }

    /** Every application's scenario name, as one regular expression (the longer names first). */
    public static final String WORDS_PATTERN = Words.JUKI + "|" + Words.SURFACE + "|" + Words.COMMON + "|" + Words.JPKI
            + "|" + Words.TEXT;

    private final String label;
    private final String words;
    private final byte[] aid;

    CardApplication(String label, String words, String aidHex) {
        this.label = label;
        this.words = words;
        this.aid = HexFormat.of().parseHex(aidHex);
    }

    /** True where PINs change with JICSAP CHANGE KEY 80 32 00 80 rather than ISO 00 24 01 80 (docs/card-reference.md §3.2). */
    public boolean changesPinWithChangeKey() {
        return this == JUKI || this == COMMON;
    }

    public String label() {
        return label;
    }

    /** The name scenarios use for it. */
    public String words() {
        return words;
    }

    public byte[] aid() {
        return aid.clone();
    }

    /** By its scenario name. */
    public static CardApplication named(String words) {
        return Labels.find(values(), CardApplication::words, words, "application");
    }
}
