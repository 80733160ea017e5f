package dev.offload.core.history;

/**
 * One attempt to record (SPEC §12.3): skips, not-run and errored tests and discarded hedge copies never become one.
 *
 * @param testId the canonical test id
 * @param passed whether the attempt passed
 * @param secs its duration (a timed-out attempt: the time until it was stopped)
 */
public record RecordedAttempt(String testId, boolean passed, double secs) {}
