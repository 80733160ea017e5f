package dev.offload.core.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Consumer;

/**
 * Turns the estimated tests into the initial batch queue (SPEC §9.2 LPT, contiguous runs when every estimate is equal,
 * §9.3 queue order, §17.5).
 */
public final class BatchPlanner {
    private static final Comparator<SchedulableTest> HEAVIEST_TEST_FIRST = Comparator.comparingDouble(
                    SchedulableTest::estimateSecs)
            .reversed()
            .thenComparing(SchedulableTest::id, Utf8Order.COMPARATOR);
    private static final Comparator<PlannedBatch> HEAVIEST_BATCH_FIRST =
            Comparator.comparingDouble(PlannedBatch::estimateSecs).reversed();
    private static final int SHOWN_ID_CHARS = 80;

    private BatchPlanner() {}

    /**
     * Plans the initial queue.
     *
     * <p>Individual tests get one batch each and come first (estimate descending, ties by id in UTF-8 byte order). The
     * other tests are packed by LPT into {@code min(maxParallel, count)} batches, more when the id cap forces it, and
     * follow heaviest first (ties: the batch filled first). When all of them have the same estimate (no duration data)
     * they are split instead into contiguous runs in id order ({@link ContiguousRuns}): the same batch sizes, but a
     * file's tests stay together. An id longer than {@link BatchIds#MAX_JOINED_CHARS} characters gets a batch of its
     * own with a warning; such ids do not count towards {@code count}. Ids inside a packed batch are in placement order
     * (LPT: estimate descending, then id; contiguous runs: id), so the plan does not depend on the input order except
     * through duplicate ids, which discovery already removes.
     *
     * @param tests the tests in discovery order
     * @param maxParallel {@code [offload].max_parallel}, at least 1
     * @param warnings receives one line per over-long id
     */
    public static List<PlannedBatch> plan(List<SchedulableTest> tests, int maxParallel, Consumer<String> warnings) {
        return plan(tests, maxParallel, BatchIds.MAX_JOINED_CHARS, warnings);
    }

    /**
     * {@link #plan(List, int, Consumer)} with another cap on a batch's joined ids: {@link BatchIds#MAX_FILE_CHARS} for
     * runners that read their ids from a file (SPEC §9.2).
     */
    public static List<PlannedBatch> plan(
            List<SchedulableTest> tests, int maxParallel, int maxJoinedChars, Consumer<String> warnings) {
        if (maxParallel < 1) {
            throw new IllegalArgumentException("max_parallel must be at least 1: " + maxParallel);
        }
        List<SchedulableTest> individual = new ArrayList<>();
        List<SchedulableTest> tooLong = new ArrayList<>();
        List<SchedulableTest> packed = new ArrayList<>();
        for (SchedulableTest test : tests) {
            int length = BatchIds.length(test.id());
            if (length > maxJoinedChars) {
                warnings.accept(tooLongWarning(test.id(), length, maxJoinedChars));
            }
            if (test.individual()) {
                individual.add(test);
            } else if (length > maxJoinedChars) {
                tooLong.add(test);
            } else {
                packed.add(test);
            }
        }
        List<PlannedBatch> queue = new ArrayList<>(alone(individual, true));
        List<PlannedBatch> others = new ArrayList<>(pack(packed, maxParallel, maxJoinedChars));
        others.addAll(alone(tooLong, false));
        others.sort(HEAVIEST_BATCH_FIRST); // stable: equal estimates keep bin order, then over-long ids by id
        queue.addAll(others);
        return List.copyOf(queue);
    }

    /**
     * Splits the undecided ids of a batch that hit an infrastructure error into the two halves that are re-queued
     * (SPEC §10.5): the first ⌊n/2⌋ ids, then the last ⌈n/2⌉, both in the given order (the second half matches what
     * hedging takes, §9.6). A single id is returned whole as the only part; no ids give no parts. Each part is a valid
     * batch whenever {@code ids} is one.
     */
    public static List<List<String>> splitInHalves(List<String> ids) {
        if (ids.size() <= 1) {
            return ids.isEmpty() ? List.of() : List.of(List.copyOf(ids));
        }
        int half = ids.size() / 2;
        return List.of(List.copyOf(ids.subList(0, half)), List.copyOf(ids.subList(half, ids.size())));
    }

    private static List<PlannedBatch> pack(List<SchedulableTest> tests, int maxParallel, int maxJoinedChars) {
        if (ContiguousRuns.uniform(tests)) {
            return ContiguousRuns.split(tests, maxParallel, maxJoinedChars);
        }
        List<SchedulableTest> order = new ArrayList<>(tests);
        order.sort(HEAVIEST_TEST_FIRST);
        int[] shortestToCome = new int[order.size()];
        int shortest = Integer.MAX_VALUE;
        for (int i = order.size() - 1; i >= 0; i--) {
            shortest = Math.min(shortest, BatchIds.length(order.get(i).id()));
            shortestToCome[i] = shortest;
        }
        LptBins bins = new LptBins(Math.min(maxParallel, order.size()), maxJoinedChars);
        for (int i = 0; i < order.size(); i++) {
            SchedulableTest test = order.get(i);
            bins.add(test.id(), BatchIds.length(test.id()), test.estimateSecs(), shortestToCome[i]);
        }
        return bins.batches();
    }

    private static List<PlannedBatch> alone(List<SchedulableTest> tests, boolean individual) {
        return tests.stream()
                .sorted(HEAVIEST_TEST_FIRST)
                .map(t -> new PlannedBatch(List.of(t.id()), t.estimateSecs(), individual))
                .toList();
    }

    private static String tooLongWarning(String id, int length, int maxJoinedChars) {
        String shown = length > SHOWN_ID_CHARS ? id.substring(0, id.offsetByCodePoints(0, SHOWN_ID_CHARS)) + "…" : id;
        return "test id " + shown + " is " + length + " characters long (over " + maxJoinedChars
                + "): it runs in a batch of its own";
    }
}
