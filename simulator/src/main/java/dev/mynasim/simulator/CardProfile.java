package dev.mynasim.simulator;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How the card presents itself to a reader: its ATR (card-spec.md §8). Contact cards announce T=1
 * only; a contactless reader synthesises a PC/SC part 3 ATR from the Type B ATQB.
 */
public enum CardProfile {
    /** The contact ATR OpenSC's jpki driver matches. */
    CONTACT("3BE000FF8131FE4514"),
    /** PC/SC part 3 ATR of a Type B My Number Card, "JPKI (06)" in OpenSC's list. */
    CONTACTLESS("3B888001000005E0B381A1007F");

    private final byte[] atr;

    CardProfile(String atrHex) {
        this.atr = HexFormat.of().parseHex(atrHex);
    }

    public byte[] atr() {
        return atr.clone();
    }

    /** By name, case-insensitive; an unknown name lists the known ones. */
    public static CardProfile named(String name) {
        for (CardProfile profile : values()) {
            if (profile.name().equalsIgnoreCase(name)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown card profile \"" + name + "\"; known profiles: "
                + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT)).toList());
    }
}
