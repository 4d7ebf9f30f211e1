package dev.mynasim.simulator;

import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;

/**
 * How the card presents itself to a reader: its ATR (docs/card-reference.md §8). Contact cards announce T=1
 * only (§8.1); a contactless reader synthesises a PC/SC part 3 ATR from the Type B ATQB (§8.2). The
 * labels are OpenSC's ({@code JPKI (02)} ...); which chip or generation each stands for is UNCONFIRMED.
 */
public enum CardProfile {
    /** The contact ATR OpenSC's jpki driver matches (2016). */
    CONTACT("JPKI (driver)", true, "3BE000FF8131FE4514"),
    /** Contact, TA1=13, IFSC 251, 10 historical bytes; reported with an HP MFP reader. */
    CONTACT_02("JPKI (02)", true, "3BDA13FF8131FB468012392F31C173C601C03B"),
    /** Contact, IFSC 251, 5 historical bytes. */
    CONTACT_03("JPKI (03)", true, "3BC5FF8131FB458073C6010000"),
    /** Contact, TA1=91, specific mode T=1 (TA2=81), LRC. */
    CONTACT_04("JPKI (04)", true, "3BF59100FF918171FE40004200010 0D1D6".replace(" ", "")),
    /** As (04), other historical bytes. */
    CONTACT_05("JPKI (05)", true, "3BF59100FF918171FE400042000 1B3A115".replace(" ", "")),
    /** PC/SC part 3 ATR of a Type B My Number Card: ATQB data 00 00 05 E0, 106–424 kbit/s, FWI 10. */
    CONTACTLESS("JPKI (06)", false, "3B888001000005E0B381A1007F"),
    /** Type B, ATQB data 00 00 41 E0. */
    CONTACTLESS_07("JPKI (07)", false, "3B888001000041E0B381A1003B"),
    /** Type B, 106 kbit/s only, FWI 13 (~2.47 s). */
    CONTACTLESS_08("JPKI (08)", false, "3B88800100 4B51FF0081D100BC".replace(" ", "")),
    /** Type B, 106–424 kbit/s, FWI 13. */
    CONTACTLESS_09("JPKI (09)", false, "3B888001004B51FFB381D1000F");

    private final String label;
    private final boolean contact;
    /** Kept as text, not bytes: an enum constant is shared by everyone and must hold nothing mutable. */
    private final String atrHex;

    CardProfile(String label, boolean contact, String atrHex) {
        this.label = label;
        this.contact = contact;
        this.atrHex = atrHex;
        HexFormat.of().parseHex(atrHex); // a malformed ATR fails when the class loads
    }

    /** The ATR, a fresh array. */
    public byte[] atr() {
        return HexFormat.of().parseHex(atrHex);
    }

    /** OpenSC's label for this ATR, e.g. {@code JPKI (03)}. */
    public String label() {
        return label;
    }

    /** Contact (ISO 7816-3) or contactless (ISO 14443 Type B through a PC/SC reader). */
    public boolean isContact() {
        return contact;
    }

    /** By name, case-insensitive, {@code -} for {@code _} ({@code contact-03}); an unknown name lists the known ones. */
    public static CardProfile named(String name) {
        String wanted = name.trim().replace('-', '_');
        for (CardProfile profile : values()) {
            if (profile.name().equalsIgnoreCase(wanted)) {
                return profile;
            }
        }
        throw new IllegalArgumentException("unknown card profile \"" + name + "\"; known profiles: "
                + Arrays.stream(values()).map(p -> p.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList());
    }
}
