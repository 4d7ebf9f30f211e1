package dev.mynasim.tools.bench;

import java.util.Arrays;

/** Durations of repeated operations, and the figures a benchmark prints from them. */
final class Timings {

    private final long[] nanos;
    private int count;

    Timings(int capacity) {
        nanos = new long[capacity];
    }

    void add(long duration) {
        nanos[count++] = duration;
    }

    double percentileMillis(double percentile) {
        long[] sorted = Arrays.copyOf(nanos, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percentile / 100.0 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1e6;
    }

    double totalSeconds() {
        long total = 0;
        for (int i = 0; i < count; i++) {
            total += nanos[i];
        }
        return total / 1e9;
    }

    int count() {
        return count;
    }
}
