package dev.mynasim.tools.reliability;

import java.util.Arrays;

/** Latency samples in microseconds and their percentiles (nearest rank). */
final class Percentiles {

    private long[] samples = new long[1024];
    private int count;

    void add(long micros) {
        if (count == samples.length) {
            samples = Arrays.copyOf(samples, count * 2);
        }
        samples[count++] = micros;
    }

    int count() {
        return count;
    }

    /** "p50 p95 p99 max" in milliseconds. */
    String describe() {
        if (count == 0) {
            return "no samples";
        }
        long[] sorted = Arrays.copyOf(samples, count);
        Arrays.sort(sorted);
        return String.format("p50 %.2f ms, p95 %.2f ms, p99 %.2f ms, max %.2f ms",
                rank(sorted, 50) / 1000.0, rank(sorted, 95) / 1000.0, rank(sorted, 99) / 1000.0, sorted[count - 1] / 1000.0);
    }

    private static long rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
