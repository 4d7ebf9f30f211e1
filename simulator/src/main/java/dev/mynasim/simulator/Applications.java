package dev.mynasim.simulator;

import dev.mynasim.model.CardApplication;
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

    /** GlobalPlatform ISD: the MF level, selected implicitly after every reset. */
    public static final byte[] ISD_AID = HexFormat.of().parseHex("A0000001510000");

    private Applications() {
    }

    static Class<? extends Applet> appletClass(byte[] aid) {
        if (java.util.Arrays.equals(aid, CardApplication.JPKI.aid())) {
            return JpkiApplet.class;
        }
        if (java.util.Arrays.equals(aid, CardApplication.TEXT.aid())) {
            return TextApplet.class;
        }
        if (java.util.Arrays.equals(aid, CardApplication.SURFACE.aid())) {
            return SurfaceApplet.class;
        }
        if (java.util.Arrays.equals(aid, CardApplication.JUKI.aid())) {
            return JukiApplet.class;
        }
        if (java.util.Arrays.equals(aid, CardApplication.COMMON.aid())) {
            return CommonApplet.class;
        }
        if (java.util.Arrays.equals(aid, ISD_AID)) {
            return MasterFileApplet.class;
        }
        throw new IllegalArgumentException("no MynaSim applet for AID " + HexFormat.of().withUpperCase().formatHex(aid));
    }
}
