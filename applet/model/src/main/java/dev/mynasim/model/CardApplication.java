package dev.mynasim.model;

import java.util.HexFormat;

/** The applications (DFs) of the My Number Card, by AID (docs/card-reference.md §1). */
public enum CardApplication {
    JPKI("公的個人認証AP (JPKI-AP)", Words.JPKI, Words.JPKI_JA, "D392F000260100000001"),
    TEXT("券面事項入力補助AP (text AP)", Words.TEXT, Words.TEXT_JA, "D3921000310001010408"),
    SURFACE("券面事項確認AP (surface AP)", Words.SURFACE, Words.SURFACE_JA, "D3921000310001010402"),
    JUKI("住基AP", Words.JUKI, Words.JUKI_JA, "D3921000310001010401"),
    COMMON("共通カードAP (common AP)", Words.COMMON, Words.COMMON_JA, "D3921000310001010100");

    /** The names scenarios use, in English and in Japanese; compile-time constants so a Cucumber parameter type can use {@link #WORDS_PATTERN}. */
    public static final class Words {
        public static final String JPKI_JA = "公的個人認証AP";
        public static final String JPKI = "JPKI AP";
        public static final String TEXT_JA = "券面事項入力補助AP";
        public static final String TEXT = "text AP";
        public static final String SURFACE_JA = "券面事項確認AP";
        public static final String SURFACE = "surface AP";
        public static final String JUKI_JA = "住基AP";
        public static final String JUKI = "resident-register AP";
        public static final String COMMON_JA = "共通カードAP";
        public static final String COMMON = "common AP";

        private Words() {
        }
    }

    /** Every application's scenario name, as one regular expression (the longer names first). */
    public static final String WORDS_PATTERN = Words.JUKI + "|" + Words.SURFACE + "|" + Words.COMMON + "|" + Words.JPKI
            + "|" + Words.TEXT + "|" + Words.TEXT_JA + "|" + Words.SURFACE_JA + "|" + Words.JUKI_JA + "|" + Words.COMMON_JA
            + "|" + Words.JPKI_JA;

    private final String label;
    private final String words;
    private final String wordsJa;
    /** Kept as text, not bytes: an enum constant is shared by everyone and must hold nothing mutable. */
    private final String aidHex;

    CardApplication(String label, String words, String wordsJa, String aidHex) {
        this.label = label;
        this.words = words;
        this.wordsJa = wordsJa;
        this.aidHex = aidHex;
        HexFormat.of().parseHex(aidHex); // a malformed AID fails when the class loads
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

    /** The name Japanese scenarios use for it. */
    public String wordsJa() {
        return wordsJa;
    }

    /** The AID, a fresh array. */
    public byte[] aid() {
        return HexFormat.of().parseHex(aidHex);
    }

    /** By its scenario name, in English or in Japanese. */
    public static CardApplication named(String words) {
        return Labels.find(values(), CardApplication::words, CardApplication::wordsJa, words, "application");
    }
}
