package dev.offload.core.schedule;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;

/**
 * Predicts the wall time of a planned queue (SPEC §5.4): {@code sandboxes} sandboxes take the queued batches in order,
 * each the moment it is free, and each batch costs its tests' estimates plus the batch overhead O (§9.6). Retries,
 * re-queues and hedges are not predicted.
 */
public final class MakespanSimulator {
    private MakespanSimulator() {}

    /** The prediction for one sandbox count. */
    public record Prediction(int sandboxes, double makespanSecs, double lowerBoundSecs, int batches) {}

    /**
     * @param queue the batches in queue order (as {@link BatchPlanner#plan} returns them)
     * @param unitEstimates the estimate of every scheduled test, for the lower bound
     * @param sandboxes the pool size asked for; the pool is never larger than the number of batches
     * @param overheadSecs O, added once per batch
     */
    public static Prediction predict(
            List<PlannedBatch> queue, Collection<Double> unitEstimates, int sandboxes, double overheadSecs) {
        if (sandboxes < 1) {
            throw new IllegalArgumentException("at least one sandbox: " + sandboxes);
        }
        int pool = Math.min(sandboxes, queue.size());
        var freeAt = new PriorityQueue<Double>();
        for (int i = 0; i < pool; i++) {
            freeAt.add(0.0);
        }
        double makespan = 0;
        for (PlannedBatch batch : queue) {
            double end = freeAt.remove() + batch.estimateSecs() + overheadSecs;
            makespan = Math.max(makespan, end);
            freeAt.add(end);
        }
        return new Prediction(sandboxes, makespan, lowerBound(unitEstimates, sandboxes), queue.size());
    }

    /**
     * {@link #predict} for a queue of id lists, each batch estimated as the sum of its ids' estimates.
     *
     * @param estimates every queued id's estimate
     */
    public static Prediction predictIds(
            List<List<String>> queue, Map<String, Double> estimates, int sandboxes, double overheadSecs) {
        List<PlannedBatch> batches = queue.stream()
                .map(ids -> new PlannedBatch(
                        ids, ids.stream().mapToDouble(estimates::get).sum(), false))
                .toList();
        return predict(batches, estimates.values(), sandboxes, overheadSecs);
    }

    /** {@code max(longest unit, total / N)}: no schedule of these estimates on N sandboxes can be shorter. */
    public static double lowerBound(Collection<Double> unitEstimates, int sandboxes) {
        double longest =
                unitEstimates.stream().mapToDouble(Double::doubleValue).max().orElse(0);
        double total = unitEstimates.stream().mapToDouble(Double::doubleValue).sum();
        return Math.max(longest, total / sandboxes);
    }
}
