package dev.mynasim.harness.card;

import dev.mynasim.harness.transport.Apdus;

/** The applications (DFs) of the My Number Card, by AID (card-spec.md §1). */
public enum CardApplication {
    JPKI("公的個人認証AP (JPKI-AP)", "D3 92 F0 00 26 01 00 00 00 01");

    private final String label;
    private final byte[] aid;

    CardApplication(String label, String aidHex) {
        this.label = label;
        this.aid = Apdus.fromHex(aidHex);
    }

    public String label() {
        return label;
    }

    public byte[] aid() {
        return aid.clone();
    }
}
