package dev.mynasim.tools.bench;

import org.HdrHistogram.Histogram;

/** Durations of repeated operations in nanoseconds, and the figures a benchmark prints from them. */
final class Timings {

    /** Up to an hour per operation, to three significant digits. */
    private static final long HIGHEST_NANOS = 3_600_000_000_000L;

    private final Histogram histogram = new Histogram(HIGHEST_NANOS, 3);
    private long totalNanos;

    void add(long duration) {
        histogram.recordValue(Math.min(Math.max(duration, 0), HIGHEST_NANOS));
        totalNanos += duration;
    }

    double percentileMillis(double percentile) {
        return histogram.getValueAtPercentile(percentile) / 1e6;
    }

    double maxMillis() {
        return histogram.getMaxValue() / 1e6;
    }

    double totalSeconds() {
        return totalNanos / 1e9;
    }

    int count() {
        return (int) histogram.getTotalCount();
    }
}
