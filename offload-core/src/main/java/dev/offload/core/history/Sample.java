package dev.offload.core.history;

/**
 * One recorded attempt duration (SPEC §12.1): {@code ["<run id>", <timestamp ms>, <secs>]}.
 *
 * @param runId the run that produced it
 * @param timestampMs one timestamp per run, in epoch milliseconds; it also seeds the reservoir's randomness
 * @param secs the attempt's duration
 */
public record Sample(String runId, long timestampMs, double secs) {}
