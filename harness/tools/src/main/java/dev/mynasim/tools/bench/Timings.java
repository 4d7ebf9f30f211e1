package dev.mynasim.tools.bench;

import org.HdrHistogram.Histogram;

/** Durations of repeated operations (HdrHistogram, 3 significant digits), and the figures a benchmark prints. */
final class Timings {

    private final Histogram nanos = new Histogram(3);
    private long total;

    void add(long duration) {
        nanos.recordValue(Math.max(0, duration));
        total += duration;
    }

    double percentileMillis(double percentile) {
        return nanos.getValueAtPercentile(percentile) / 1e6;
    }

    double totalSeconds() {
        return total / 1e9;
    }

    long count() {
        return nanos.getTotalCount();
    }
}
