package dev.mynasim.simulator;

import dev.mynasim.applet.JpkiApplet;
import java.util.HexFormat;
import javacard.framework.Applet;

/** Which applet class implements which application AID. */
public final class Applications {

    /** 公的個人認証AP. */
    public static final byte[] JPKI_AID = HexFormat.of().parseHex("D392F000260100000001");

    private Applications() {
    }

    static Class<? extends Applet> appletClass(byte[] aid) {
        if (java.util.Arrays.equals(aid, JPKI_AID)) {
            return JpkiApplet.class;
        }
        throw new IllegalArgumentException("no MynaSim applet for AID " + HexFormat.of().withUpperCase().formatHex(aid));
    }
}
