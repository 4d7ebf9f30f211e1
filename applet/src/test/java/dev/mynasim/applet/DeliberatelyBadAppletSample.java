package dev.mynasim.applet;

import java.util.ArrayList;

/** Breaks every rule once, so the subset checker can prove it notices. Never installed anywhere. */
@SuppressWarnings("unused")
final class DeliberatelyBadAppletSample {
    static short counter;

    private final ArrayList<Object> history = null;

    short process(short value) {
        byte[] fresh = new byte[value];
        long wide = value * 3L;
        String text = "value " + value;
        return (short) (wide + fresh.length + text.length());
    }

    double average(float a) {
        return a / 2.0;
    }

    int widen(short s) {
        return s;
    }
}
