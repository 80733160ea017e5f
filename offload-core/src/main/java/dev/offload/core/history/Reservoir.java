package dev.offload.core.history;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The recency-weighted reservoir of SPEC §12.4. Its randomness is derived from each sample's timestamp, so two machines
 * (and the original) keep exactly the same samples for the same inputs. Lists are kept oldest first.
 */
final class Reservoir {
    private static final double TWO_POW_MINUS_53 = 0x1.0p-53;

    private Reservoir() {}

    /**
     * Adds a sample: appended below capacity; at capacity it replaces the existing sample with the smallest key when
     * its own key (rank 0) is larger, otherwise it is dropped.
     */
    static List<Sample> add(List<Sample> samples, Sample sample, int capacity) {
        List<Sample> result = new ArrayList<>(samples);
        if (result.size() < capacity) {
            result.add(sample);
            return List.copyOf(result);
        }
        List<Sample> newestFirst = newestFirst(result);
        Sample victim = null;
        double smallest = Double.POSITIVE_INFINITY;
        for (int i = 0; i < newestFirst.size(); i++) {
            double key = key(newestFirst.get(i), i + 1);
            if (key < smallest) {
                smallest = key;
                victim = newestFirst.get(i);
            }
        }
        if (victim != null && key(sample, 0) > smallest) {
            result.remove(victim);
            result.add(sample);
        }
        return List.copyOf(result);
    }

    /**
     * Merges two reservoirs: concatenated, ordered by timestamp, duplicate timestamps removed (the first kept), then,
     * above capacity, the {@code capacity} samples with the largest keys by rank (rank 0 = newest).
     */
    static List<Sample> merge(List<Sample> a, List<Sample> b, int capacity) {
        List<Sample> all = new ArrayList<>(a);
        all.addAll(b);
        all.sort(Comparator.comparingLong(Sample::timestampMs));
        Set<Long> seen = new HashSet<>();
        List<Sample> unique = new ArrayList<>();
        for (Sample s : all) {
            if (seen.add(s.timestampMs())) {
                unique.add(s);
            }
        }
        if (unique.size() <= capacity) {
            return List.copyOf(unique);
        }
        List<Sample> newestFirst = newestFirst(unique);
        List<Ranked> ranked = new ArrayList<>();
        for (int rank = 0; rank < newestFirst.size(); rank++) {
            ranked.add(new Ranked(newestFirst.get(rank), key(newestFirst.get(rank), rank)));
        }
        ranked.sort(Comparator.comparingDouble(Ranked::key).reversed());
        List<Sample> kept = new ArrayList<>(
                ranked.subList(0, capacity).stream().map(Ranked::sample).toList());
        kept.sort(Comparator.comparingLong(Sample::timestampMs));
        return List.copyOf(kept);
    }

    /** {@code r^(1/w)} with {@code w = exp(-0.1 rank)}: older samples (higher ranks) tend to have smaller keys. */
    static double key(Sample sample, int rank) {
        double w = Math.exp(-0.1 * rank);
        return Math.pow(uniform(sample.timestampMs()), 1 / w);
    }

    /** The uniform value in (0, 1) of a timestamp: the top 53 bits of splitmix64, 2^-53 instead of zero. */
    static double uniform(long timestampMs) {
        double r = (splitmix64(timestampMs) >>> 11) * TWO_POW_MINUS_53;
        return r == 0 ? TWO_POW_MINUS_53 : r;
    }

    static long splitmix64(long x) {
        long z = x + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    /** Newest first; equal timestamps keep their list order (stable sort). */
    private static List<Sample> newestFirst(List<Sample> samples) {
        List<Sample> sorted = new ArrayList<>(samples);
        sorted.sort(Comparator.comparingLong(Sample::timestampMs).reversed());
        return sorted;
    }

    private record Ranked(Sample sample, double key) {}
}
