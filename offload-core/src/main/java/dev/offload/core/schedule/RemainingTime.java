package dev.offload.core.schedule;

/**
 * Expected remaining time of a running batch from its streamed events (SPEC §7.1, §9.6): only tests without an
 * {@code end} event count, and the clock restarts at each {@code end}.
 *
 * <p>When every test of the batch had the same estimate (no duration data: the §9.1 fallback), estimates say nothing
 * about this batch's speed, so once tests have reported, the batch's own pace replaces them: the time from its start to
 * its last {@code end}, less the overhead O, divided by the tests that reported. A batch of 1,000 trivial tests
 * estimated at 1 s each is then seen to need well under a second for its last 50, and is not hedged.
 */
public final class RemainingTime {
    private RemainingTime() {}

    /**
     * @param unreportedEstimateSecs sum of the estimates of the tests that have not reported
     * @param unreported how many tests have not reported
     * @param reported how many tests sent an {@code end} event
     * @param uniformEstimates whether every test of the batch had the same estimate
     * @param sinceStartSecs time since the batch started
     * @param sinceProgressSecs time since its last {@code end} event (since the start when there was none)
     * @param overheadSecs the run's batch overhead O
     * @return seconds, negative once the batch overruns
     */
    public static double expectedSecs(
            double unreportedEstimateSecs,
            int unreported,
            int reported,
            boolean uniformEstimates,
            double sinceStartSecs,
            double sinceProgressSecs,
            double overheadSecs) {
        if (reported > 0 && uniformEstimates) {
            double perTest = Math.max(0.0, sinceStartSecs - sinceProgressSecs - overheadSecs) / reported;
            return unreported * perTest - sinceProgressSecs;
        }
        return unreportedEstimateSecs - sinceProgressSecs;
    }
}
