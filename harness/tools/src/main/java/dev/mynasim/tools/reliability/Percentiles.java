package dev.mynasim.tools.reliability;

import org.HdrHistogram.Histogram;

/** Latency samples in microseconds and their percentiles. */
final class Percentiles {

    /** Up to an hour per sample, to three significant digits. */
    private static final long HIGHEST_MICROS = 3_600_000_000L;

    private final Histogram histogram = new Histogram(HIGHEST_MICROS, 3);

    void add(long micros) {
        histogram.recordValue(Math.min(Math.max(micros, 0), HIGHEST_MICROS));
    }

    int count() {
        return (int) histogram.getTotalCount();
    }

    /** "p50 p95 p99 max" in milliseconds. */
    String describe() {
        if (histogram.getTotalCount() == 0) {
            return "no samples";
        }
        return String.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
                histogram.getValueAtPercentile(50) / 1000.0, histogram.getValueAtPercentile(95) / 1000.0,
                histogram.getValueAtPercentile(99) / 1000.0, histogram.getMaxValue() / 1000.0);
    }
}
