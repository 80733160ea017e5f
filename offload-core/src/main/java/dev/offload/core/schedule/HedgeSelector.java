package dev.offload.core.schedule;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Chooses what an idle sandbox hedges when the queue is empty (SPEC §9.6). */
public final class HedgeSelector {
    // Largest remaining first, then running longest, then the lower number so the choice never depends on list order.
    private static final Comparator<RunningBatch> MOST_WORTH_HEDGING = Comparator.comparingDouble(
                    RunningBatch::remainingSecs)
            .reversed()
            .thenComparing(RunningBatch::elapsed, Comparator.reverseOrder())
            .thenComparingInt(RunningBatch::number);

    private HedgeSelector() {}

    /** {@link #pick(List, double)} without the overhead rule: any running batch may be hedged. */
    public static Optional<HedgePick> pick(List<RunningBatch> running) {
        return pick(running, Double.NEGATIVE_INFINITY);
    }

    /**
     * Picks the running batch with the largest expected remaining time (ties: the one running longest) among those
     * with at least one hedgeable id and more than {@code 2 × overheadSecs} remaining, and the ids to run: the last
     * ⌈n/2⌉ of its n ≥ 2 hedgeable ids, or the single one. Empty when no running batch qualifies: a hedge of a batch
     * about to finish only takes CPU from it and is cancelled anyway.
     *
     * @param overheadSecs the run's batch overhead O ({@link BatchOverhead})
     */
    public static Optional<HedgePick> pick(List<RunningBatch> running, double overheadSecs) {
        double minRemaining = 2 * overheadSecs;
        return running.stream()
                .filter(b -> !b.hedgeableIds().isEmpty())
                .filter(b -> b.remainingSecs() > minRemaining)
                .min(MOST_WORTH_HEDGING)
                .map(b -> new HedgePick(b.number(), secondHalf(b.hedgeableIds())));
    }

    private static List<String> secondHalf(List<String> ids) {
        return ids.subList(ids.size() / 2, ids.size());
    }
}
