package dev.mynasim.tools.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The benchmark figures: nearest-rank percentiles to three significant digits, the total and the count. */
class TimingsTest {

    @Test
    void percentilesOfOneToAThousandMilliseconds() {
        Timings timings = new Timings();
        for (int i = 1000; i >= 1; i--) {
            timings.add(i * 1_000_000L);
        }
        assertEquals(1000, timings.count());
        assertEquals(500.0, timings.percentileMillis(50), 0.5);
        assertEquals(990.0, timings.percentileMillis(99), 1.0);
        assertEquals(1000.0, timings.maxMillis(), 1.0);
        assertEquals(500.5, timings.totalSeconds(), 1e-9);
    }
}
