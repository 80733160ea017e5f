package dev.offload.core.run;

import dev.offload.core.schedule.RemainingTime;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.function.ToDoubleFunction;

/** A batch the {@link Dispatcher} has started and not yet completed; read and changed only under its lock. */
final class InFlightBatch {
    final Assignment batch;
    /** Tests this batch has streamed an {@code end} event for (SPEC §7.1): done as far as hedging goes. */
    final Set<String> ended = new HashSet<>();
    /** When the batch started or last streamed an {@code end} event. */
    Instant lastProgress;
    /** When the batch streamed its first {@code start} event; null before. */
    Instant firstStart;

    boolean stopRequested;

    /** How many of the batch's first ids are known decided (see {@link #allDecided}). */
    private int decidedPrefix;

    InFlightBatch(Assignment batch) {
        this.batch = batch;
        this.lastProgress = batch.started();
    }

    /**
     * The batch's time outside its tests when it streamed events: from its start to its first test's start, and from
     * its last test's end to {@code now}. Empty without events (then O falls back to wall time minus durations).
     */
    OptionalDouble outsideTestsSecs(Instant now) {
        if (firstStart == null || ended.isEmpty()) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((Duration.between(batch.started(), firstStart).toNanos()
                        + Duration.between(lastProgress, now).toNanos())
                / 1e9);
    }

    /**
     * Whether every test of the batch is decided. Decided is final, so the scan resumes where the last one stopped:
     * one pass per batch over a run, not one per streamed event (which was quadratic in the batch size).
     */
    boolean allDecided(VerdictLedger ledger) {
        List<String> ids = batch.ids();
        while (decidedPrefix < ids.size()
                && ledger.state(ids.get(decidedPrefix)).decided()) {
            decidedPrefix++;
        }
        return decidedPrefix == ids.size();
    }

    /**
     * Expected remaining time (§9.6): tests that sent an {@code end} event, or were decided elsewhere, are done.
     *
     * @param estimate a test's estimated duration in seconds
     * @param overheadSecs the run's batch overhead O
     */
    double remainingSecs(VerdictLedger ledger, ToDoubleFunction<String> estimate, Instant now, double overheadSecs) {
        List<String> unreported = batch.ids().stream()
                .filter(id -> !ended.contains(id) && !ledger.state(id).decided())
                .toList();
        double unreportedEstimate = unreported.stream().mapToDouble(estimate).sum();
        boolean uniform = batch.ids().stream().mapToDouble(estimate).distinct().count() == 1;
        return RemainingTime.expectedSecs(
                unreportedEstimate,
                unreported.size(),
                ended.size(),
                uniform,
                Duration.between(batch.started(), now).toNanos() / 1e9,
                Duration.between(lastProgress, now).toNanos() / 1e9,
                overheadSecs);
    }
}
