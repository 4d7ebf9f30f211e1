package dev.mynasim.cli;

import sun.misc.Signal;

/**
 * SIGINT and SIGTERM as a clean stop: the handler releases the main thread, which closes the bridge
 * and exits 0, instead of the JVM's default exit code 130/143 halfway through.
 */
final class StopSignals {

    private StopSignals() {
    }

    static void onStop(Runnable stop) {
        for (String name : new String[] {"INT", "TERM"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.run());
            } catch (IllegalArgumentException e) {
                // This JVM or OS does not offer the signal; the default handling stays.
            }
        }
    }
}
