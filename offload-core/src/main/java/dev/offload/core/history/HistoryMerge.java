package dev.offload.core.history;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The three-way merge of SPEC §12.7, used by the git merge driver and to combine duplicate keys when reading. Keys on
 * one side only are kept (no test is ever dropped); keys on both sides combine their reservoirs and counters.
 */
public final class HistoryMerge {
    private HistoryMerge() {}

    /** Merges whole files' records; {@code base} may be empty (no common ancestor). */
    public static SortedMap<HistoryKey, HistoryRecord> files(
            SortedMap<HistoryKey, HistoryRecord> base,
            SortedMap<HistoryKey, HistoryRecord> ours,
            SortedMap<HistoryKey, HistoryRecord> theirs,
            int reservoirSize) {
        SortedMap<HistoryKey, HistoryRecord> merged = new TreeMap<>(ours);
        theirs.forEach(
                (key, their) -> merged.merge(key, their, (our, t) -> records(base.get(key), our, t, reservoirSize)));
        return merged;
    }

    /**
     * Combines one key present on both sides.
     *
     * @param base the common ancestor's record, or null when the base lacks the key
     */
    static HistoryRecord records(HistoryRecord base, HistoryRecord ours, HistoryRecord theirs, int reservoirSize) {
        long attempts;
        long failures;
        if (base != null) {
            attempts = threeWay(base.attempts(), ours.attempts(), theirs.attempts());
            failures = threeWay(base.failures(), ours.failures(), theirs.failures());
        } else {
            double ratio = sharedRatio(ours, theirs);
            attempts = withoutBase(ours.attempts(), theirs.attempts(), ratio);
            failures = withoutBase(ours.failures(), theirs.failures(), ratio);
        }
        String lastRun = theirs.newestTimestamp() > ours.newestTimestamp() ? theirs.lastRun() : ours.lastRun();
        return new HistoryRecord(
                attempts,
                failures,
                lastRun,
                Reservoir.merge(ours.ok(), theirs.ok(), reservoirSize),
                Reservoir.merge(ours.fail(), theirs.fail(), reservoirSize));
    }

    /** base + what each side added since the base. */
    static long threeWay(long base, long ours, long theirs) {
        return base + Math.max(0, ours - base) + Math.max(0, theirs - base);
    }

    /** Without a base, samples both sides hold reveal shared history, which must not be counted twice. */
    static long withoutBase(long ours, long theirs, double ratio) {
        return ours + theirs - (long) Math.floor(ratio * Math.min(ours, theirs));
    }

    /** 2 × (samples whose timestamp both sides hold) / (all samples); 0 without samples. */
    static double sharedRatio(HistoryRecord ours, HistoryRecord theirs) {
        List<Sample> ourSamples = ours.allSamples();
        List<Sample> theirSamples = theirs.allSamples();
        int all = ourSamples.size() + theirSamples.size();
        if (all == 0) {
            return 0;
        }
        Set<Long> theirTimestamps = new HashSet<>();
        theirSamples.forEach(s -> theirTimestamps.add(s.timestampMs()));
        long shared = ourSamples.stream()
                .filter(s -> theirTimestamps.contains(s.timestampMs()))
                .count();
        return Math.min(1.0, 2.0 * shared / all);
    }
}
