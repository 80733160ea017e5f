package dev.offload.core.schedule;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What hedge selection needs to know about one running batch (SPEC §9.6).
 *
 * @param number the batch number N
 * @param hedgeableIds its undecided ids that no active hedge covers and that were hedged fewer than 3 times, in batch
 *     order (the orchestrator filters them)
 * @param estimateSecs the estimate of its tests that have not reported yet (SPEC §9.6: with streamed events, a test
 *     with an {@code end} event is done), or directly the expected remaining time ({@link RemainingTime}) with a zero
 *     {@code elapsed}
 * @param elapsed how long it has been running
 */
public record RunningBatch(int number, List<String> hedgeableIds, double estimateSecs, Duration elapsed) {
    public RunningBatch {
        hedgeableIds = List.copyOf(hedgeableIds);
        Objects.requireNonNull(elapsed);
    }

    /** Expected remaining time: estimate minus elapsed, negative once the batch overruns its estimate. */
    public double remainingSecs() {
        return estimateSecs - elapsed.toNanos() / 1e9;
    }
}
