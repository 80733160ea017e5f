package dev.offload.core.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Packing when every test has the same estimate (no duration data, SPEC §9.1 fallback): the tests in id order are cut
 * into {@code min(runs, count)} contiguous runs whose sizes differ by at most one (the first runs take the extra test),
 * the per-batch counts LPT gives for equal estimates. LPT would deal equal tests round-robin, so every batch would hold
 * tests of every file and import, collect and set up module fixtures for all of them; contiguous runs keep a file's
 * tests together, as pytest-xdist's {@code --dist loadfile} does.
 *
 * <p>A run whose ids would join to more than the cap is cut where the next id no longer fits, and the rest goes on in a
 * new batch; the same happens before an id equal to the previous one (only duplicated input ids, which discovery
 * removes, can be equal), so no batch holds an id twice.
 */
final class ContiguousRuns {
    private static final Comparator<SchedulableTest> BY_ID =
            Comparator.comparing(SchedulableTest::id, Utf8Order.COMPARATOR);

    private ContiguousRuns() {}

    /** Whether all tests have the same estimate: then contiguous runs balance by count exactly as LPT does. */
    static boolean uniform(List<SchedulableTest> tests) {
        return tests.stream()
                        .mapToDouble(SchedulableTest::estimateSecs)
                        .distinct()
                        .count()
                <= 1;
    }

    /**
     * The batches in run order, ids in id order.
     *
     * @param tests ids at most {@code maxJoinedChars} characters long, in any order
     */
    static List<PlannedBatch> split(List<SchedulableTest> tests, int runs, int maxJoinedChars) {
        List<SchedulableTest> order = new ArrayList<>(tests);
        order.sort(BY_ID);
        int count = Math.min(runs, order.size());
        List<PlannedBatch> batches = new ArrayList<>();
        int from = 0;
        for (int run = 0; run < count; run++) {
            int size = order.size() / count + (run < order.size() % count ? 1 : 0);
            cut(order.subList(from, from + size), maxJoinedChars, batches);
            from += size;
        }
        return batches;
    }

    /** Appends one run as one batch, or as several when the cap or a repeated id forces a cut. */
    private static void cut(List<SchedulableTest> run, int maxJoinedChars, List<PlannedBatch> batches) {
        List<String> ids = new ArrayList<>();
        double load = 0;
        long joinedLength = 0;
        for (SchedulableTest test : run) {
            int length = BatchIds.length(test.id());
            boolean fits = ids.isEmpty()
                    || (joinedLength + 1 + length <= maxJoinedChars
                            && !ids.get(ids.size() - 1).equals(test.id()));
            if (!fits) {
                batches.add(new PlannedBatch(ids, load, false));
                ids = new ArrayList<>();
                load = 0;
                joinedLength = 0;
            }
            joinedLength += ids.isEmpty() ? length : 1 + length;
            ids.add(test.id());
            load += test.estimateSecs();
        }
        if (!ids.isEmpty()) {
            batches.add(new PlannedBatch(ids, load, false));
        }
    }
}
