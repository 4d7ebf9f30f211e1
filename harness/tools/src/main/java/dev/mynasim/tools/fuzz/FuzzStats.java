package dev.mynasim.tools.fuzz;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/** APDU counts per target and a status-word histogram, safe to share between fuzzing threads. */
public final class FuzzStats {

    private final Map<String, LongAdder> perTarget = new ConcurrentHashMap<>();
    private final Map<Integer, LongAdder> statusWords = new ConcurrentHashMap<>();

    void count(FuzzTarget target, int sw) {
        perTarget.computeIfAbsent(target.name(), k -> new LongAdder()).increment();
        statusWords.computeIfAbsent(sw, k -> new LongAdder()).increment();
    }

    public long total() {
        return perTarget.values().stream().mapToLong(LongAdder::sum).sum();
    }

    public Map<String, Long> perTarget() {
        Map<String, Long> out = new TreeMap<>();
        perTarget.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }

    public Map<Integer, Long> statusWords() {
        Map<Integer, Long> out = new TreeMap<>();
        statusWords.forEach((k, v) -> out.put(k, v.sum()));
        return out;
    }
}
