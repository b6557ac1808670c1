package io.textgan.cli.bench;

import org.nd4j.linalg.factory.Nd4j;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** Wall time per named phase; waits for queued device work at each phase's end so time is charged where it is spent. */
final class PhaseTimer {
    private final Map<String, Long> nanos = new LinkedHashMap<>();

    <T> T time(String phase, Supplier<T> work) {
        long start = System.nanoTime();
        T result = work.get();
        Nd4j.getExecutioner().commit();
        nanos.merge(phase, System.nanoTime() - start, Long::sum);
        return result;
    }

    void time(String phase, Runnable work) {
        time(phase, () -> {
            work.run();
            return null;
        });
    }

    void reset() {
        nanos.clear();
    }

    /** Seconds per step for each phase. */
    Map<String, Double> perStep(int steps) {
        Map<String, Double> out = new LinkedHashMap<>();
        nanos.forEach((phase, n) -> out.put(phase, Math.round(n / 1e9 / steps * 1e4) / 1e4));
        return out;
    }
}
