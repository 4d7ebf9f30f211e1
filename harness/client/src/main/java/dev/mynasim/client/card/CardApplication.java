package dev.mynasim.client.card;

import dev.mynasim.client.transport.Apdus;

/** The applications (DFs) of the My Number Card, by AID (card-spec.md §1). */
public enum CardApplication {
    JPKI("公的個人認証AP (JPKI-AP)", "D3 92 F0 00 26 01 00 00 00 01"),
    TEXT("券面事項入力補助AP (text AP)", "D3 92 10 00 31 00 01 01 04 08"),
    SURFACE("券面事項確認AP (surface AP)", "D3 92 10 00 31 00 01 01 04 02"),
    JUKI("住基AP", "D3 92 10 00 31 00 01 01 04 01"),
    COMMON("共通カードAP (common AP)", "D3 92 10 00 31 00 01 01 01 00");

    private final String label;
    private final byte[] aid;

    CardApplication(String label, String aidHex) {
        this.label = label;
        this.aid = Apdus.fromHex(aidHex);
    }

    /** True where PINs change with JICSAP CHANGE KEY 80 32 00 80 rather than ISO 00 24 01 80 (card-spec §3.2). */
    public boolean changesPinWithChangeKey() {
        return this == JUKI || this == COMMON;
    }

    public String label() {
        return label;
    }

    public byte[] aid() {
        return aid.clone();
    }
}
