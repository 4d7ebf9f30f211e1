package dev.mynasim.simulator;

import dev.mynasim.applet.CommonApplet;
import dev.mynasim.applet.JpkiApplet;
import dev.mynasim.applet.JukiApplet;
import dev.mynasim.applet.MasterFileApplet;
import dev.mynasim.applet.SurfaceApplet;
import dev.mynasim.applet.TextApplet;
import java.util.HexFormat;
import javacard.framework.Applet;

/** Which applet class implements which application AID. */
public final class Applications {

    /** 公的個人認証AP. */
    public static final byte[] JPKI_AID = HexFormat.of().parseHex("D392F000260100000001");

    /** 券面事項入力補助AP (text). */
    public static final byte[] TEXT_AID = HexFormat.of().parseHex("D3921000310001010408");
    /** 券面事項確認AP (surface). */
    public static final byte[] SURFACE_AID = HexFormat.of().parseHex("D3921000310001010402");
    /** 住基AP. */
    public static final byte[] JUKI_AID = HexFormat.of().parseHex("D3921000310001010401");
    /** 共通カードAP. */
    public static final byte[] COMMON_AID = HexFormat.of().parseHex("D3921000310001010100");
    /** GlobalPlatform ISD: the MF level, selected implicitly after every reset. */
    public static final byte[] ISD_AID = HexFormat.of().parseHex("A0000001510000");

    private Applications() {
    }

    static Class<? extends Applet> appletClass(byte[] aid) {
        if (java.util.Arrays.equals(aid, JPKI_AID)) {
            return JpkiApplet.class;
        }
        if (java.util.Arrays.equals(aid, TEXT_AID)) {
            return TextApplet.class;
        }
        if (java.util.Arrays.equals(aid, SURFACE_AID)) {
            return SurfaceApplet.class;
        }
        if (java.util.Arrays.equals(aid, JUKI_AID)) {
            return JukiApplet.class;
        }
        if (java.util.Arrays.equals(aid, COMMON_AID)) {
            return CommonApplet.class;
        }
        if (java.util.Arrays.equals(aid, ISD_AID)) {
            return MasterFileApplet.class;
        }
        throw new IllegalArgumentException("no MynaSim applet for AID " + HexFormat.of().withUpperCase().formatHex(aid));
    }
}
