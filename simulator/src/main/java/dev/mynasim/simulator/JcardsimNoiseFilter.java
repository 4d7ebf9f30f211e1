package dev.mynasim.simulator;

import java.io.PrintStream;

/**
 * jCardSim 3.0.6.0's {@code javacard.security.Signature.getInstance} prints two debug lines to
 * standard output for some algorithms ("getInstance of assymetric algo: 44 ..."), on every applet
 * install. They would land in the middle of the harness's progress and in CLI output that tools
 * parse, so this drops exactly those lines and passes everything else through unchanged.
 */
final class JcardsimNoiseFilter extends PrintStream {

    private static final String NOISE = "getInstance of assymetric algo";

    private JcardsimNoiseFilter(PrintStream out) {
        super(out, true);
    }

    static synchronized void install() {
        if (!(System.out instanceof JcardsimNoiseFilter)) {
            System.setOut(new JcardsimNoiseFilter(System.out));
        }
    }

    @Override
    public void println(String line) {
        if (line == null || !line.startsWith(NOISE)) {
            super.println(line);
        }
    }
}
