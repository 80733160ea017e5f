package dev.offload.core.schedule;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.OptionalDouble;

/**
 * The run's batch overhead O of SPEC §9.6: what a batch costs beyond its tests (runner start-up, collection, result
 * download and parsing). It is the median, over batches finished so far, of batch wall time minus the sum of its tests'
 * reported durations, or, for a batch that streamed events, of its time before its first test started and after its
 * last test ended; before any batch has finished, a per-provider guess. Hedging needs more than 2 × O of expected
 * remaining time, since a hedge pays O before its first test starts.
 */
public final class BatchOverhead {
    private final double initialSecs;
    private final List<Double> samples = new ArrayList<>();

    /** @param initialSecs O before any batch finished ({@link #initialSecs(String)}) */
    public BatchOverhead(double initialSecs) {
        this.initialSecs = initialSecs;
    }

    /** O before any batch has finished: local 1 s, docker 2 s, any other provider 5 s. */
    public static double initialSecs(String providerType) {
        return switch (providerType) {
            case "local" -> 1.0;
            case "docker" -> 2.0;
            default -> 5.0;
        };
    }

    /** Adds a finished batch: its wall time and the sum of its tests' reported durations. Returns the new O. */
    public double add(Duration wall, double reportedSecs) {
        samples.add(Math.max(0.0, wall.toNanos() / 1e9 - reportedSecs));
        return secs();
    }

    /**
     * Adds a finished batch that streamed events: its time outside its tests (start-up before the first test, wind-down
     * after the last). Time a runner spends between tests is part of what the tests cost wherever they run, so it is not
     * overhead a hedge adds. Returns the new O.
     */
    public double addOutsideTests(double secs) {
        samples.add(Math.max(0.0, secs));
        return secs();
    }

    /** The current O. */
    public double secs() {
        return measured().orElse(initialSecs);
    }

    /** The median of the samples, empty before any batch finished (summary.json then has null). */
    public OptionalDouble measured() {
        if (samples.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> sorted = new ArrayList<>(samples);
        Collections.sort(sorted);
        int n = sorted.size();
        return OptionalDouble.of(n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2);
    }

    /** How many finished batches O is the median of. */
    public int sampleCount() {
        return samples.size();
    }
}
