package dev.offload.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RemainingTimeTest {

    @Test
    void withoutEventsItIsTheEstimateMinusTheTimeSinceTheStart() {
        assertThat(RemainingTime.expectedSecs(10, 10, 0, true, 4, 4, 1)).isEqualTo(6.0);
    }

    @Test
    void testsThatReportedNoLongerCountAndTheClockRestartsAtTheLastEnd() {
        // Known, different estimates: 3 s still to run, last end 0.5 s ago.
        assertThat(RemainingTime.expectedSecs(3, 2, 8, false, 20, 0.5, 1)).isEqualTo(2.5);
    }

    @Test
    void withNoDurationDataTheBatchsOwnPaceReplacesTheEstimates() {
        // 1,000 tests estimated at 1 s each (no data): 950 reported in 2 s of test time, 50 left.
        double remaining = RemainingTime.expectedSecs(50, 50, 950, true, 3.0, 0.0, 1.0);

        assertThat(remaining).isCloseTo(50 * 2.0 / 950, within(1e-9));
        assertThat(HedgeSelector.pick(
                        java.util.List.of(
                                new RunningBatch(0, java.util.List.of("t"), remaining, java.time.Duration.ZERO)),
                        1.0))
                .as("not worth a hedge")
                .isEmpty();
    }

    @Test
    void aSlowPaceStillMakesALongRemainingTime() {
        // 2 of 10 tests reported after 21 s (1 s overhead): 10 s a test, 8 left.
        assertThat(RemainingTime.expectedSecs(8, 8, 2, true, 21, 0, 1)).isEqualTo(80.0);
    }
}
