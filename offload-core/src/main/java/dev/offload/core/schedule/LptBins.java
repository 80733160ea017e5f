package dev.offload.core.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The bins of SPEC §9.2: each test goes to the eligible bin with the smallest load (lowest index on ties), and a new
 * bin is opened when none is eligible. Bins are kept ordered by (load, index) so a test usually lands on the first bin
 * looked at; a bin too full for even the shortest id still to come is dropped from that order for good, so full bins
 * cost nothing later.
 */
final class LptBins {
    private static final Comparator<Bin> LIGHTEST_FIRST =
            Comparator.comparingDouble((Bin b) -> b.load).thenComparingInt(b -> b.index);

    private final List<Bin> bins = new ArrayList<>();
    private final TreeSet<Bin> candidates = new TreeSet<>(LIGHTEST_FIRST);
    private final int maxJoinedChars;

    LptBins(int initialCount, int maxJoinedChars) {
        this.maxJoinedChars = maxJoinedChars;
        for (int i = 0; i < initialCount; i++) {
            candidates.add(newBin());
        }
    }

    /**
     * Places one test.
     *
     * @param length the id's length in characters, at most the cap
     * @param shortestToCome the shortest id length among this test and all tests placed after it
     */
    void add(String id, int length, double estimateSecs, int shortestToCome) {
        Bin chosen = null;
        for (Iterator<Bin> it = candidates.iterator(); it.hasNext(); ) {
            Bin bin = it.next();
            if (!bin.fits(shortestToCome)) {
                it.remove();
            } else if (bin.accepts(id, length)) {
                it.remove();
                chosen = bin;
                break;
            }
        }
        if (chosen == null) {
            chosen = newBin();
        }
        chosen.add(id, length, estimateSecs);
        candidates.add(chosen);
    }

    /** The non-empty bins in index order. */
    List<PlannedBatch> batches() {
        return bins.stream()
                .filter(b -> !b.ids.isEmpty())
                .map(b -> new PlannedBatch(b.ids, b.load, false))
                .toList();
    }

    private Bin newBin() {
        Bin bin = new Bin(bins.size(), maxJoinedChars);
        bins.add(bin);
        return bin;
    }

    private static final class Bin {
        final int index;
        final int maxJoinedChars;
        final List<String> ids = new ArrayList<>();
        final Set<String> members = new HashSet<>();
        double load;
        long joinedLength;

        Bin(int index, int maxJoinedChars) {
            this.index = index;
            this.maxJoinedChars = maxJoinedChars;
        }

        boolean fits(int length) {
            return ids.isEmpty() || joinedLength + 1 + length <= maxJoinedChars;
        }

        boolean accepts(String id, int length) {
            return fits(length) && !members.contains(id);
        }

        void add(String id, int length, double estimateSecs) {
            joinedLength += ids.isEmpty() ? length : 1 + length;
            ids.add(id);
            members.add(id);
            load += estimateSecs;
        }
    }
}
