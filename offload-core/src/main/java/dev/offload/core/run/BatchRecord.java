package dev.offload.core.run;

import java.time.Instant;

/**
 * One batch as it actually ran, for logs, the summary's slowest batches, the HTML timeline and the trace.
 *
 * @param number contiguous batch number N (SPEC §9.5)
 * @param sandbox sandbox slot
 * @param tests number of tests in the batch
 * @param started wall-clock start
 * @param finished wall-clock end
 * @param outcome log suffix (SPEC §11.3)
 * @param hedge started as a hedge (SPEC §9.6)
 * @param retry a retry or re-queued batch
 */
public record BatchRecord(
        int number,
        int sandbox,
        int tests,
        Instant started,
        Instant finished,
        BatchOutcome outcome,
        boolean hedge,
        boolean retry) {

    public double secs() {
        return java.time.Duration.between(started, finished).toNanos() / 1e9;
    }

    /** The suffix of {@code logs/batch-N.{stdout,stderr}.<outcome>} (SPEC §11.3). */
    public enum BatchOutcome {
        SUCCESS,
        FAILURE,
        ERROR,
        CANCELLED;

        public String suffix() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }
}
