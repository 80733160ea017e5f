package dev.offload.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class HedgeSelectorTest {

    private static RunningBatch running(int number, List<String> ids, double estimate, long elapsedSecs) {
        return new RunningBatch(number, ids, estimate, Duration.ofSeconds(elapsedSecs));
    }

    @Test
    void hedgesTheBatchWithTheLargestExpectedRemainingTime() {
        var picked = HedgeSelector.pick(List.of(
                running(0, List.of("a", "b"), 100, 90), // 10 s left
                running(1, List.of("c", "d"), 60, 20), // 40 s left
                running(2, List.of("e", "f"), 50, 30))); // 20 s left

        assertThat(picked).contains(new HedgePick(1, List.of("d")));
    }

    @Test
    void equalRemainingTimeFavoursTheBatchRunningLongest() {
        var picked = HedgeSelector.pick(
                List.of(running(3, List.of("a", "b"), 30, 10), running(4, List.of("c", "d"), 50, 30)));

        assertThat(picked.map(HedgePick::batchNumber)).contains(4);
    }

    @Test
    void overrunBatchesHaveNegativeRemainingTime() {
        var picked = HedgeSelector.pick(List.of(
                running(0, List.of("a"), 10, 60), // 50 s over its estimate
                running(1, List.of("b"), 10, 15)));

        assertThat(picked.map(HedgePick::batchNumber)).contains(1);
    }

    @Test
    void takesTheLastHalfRoundedUpInBatchOrder() {
        assertThat(HedgeSelector.pick(List.of(running(0, List.of("a", "b", "c", "d", "e"), 9, 1))))
                .contains(new HedgePick(0, List.of("c", "d", "e")));
        assertThat(HedgeSelector.pick(List.of(running(0, List.of("a", "b", "c", "d"), 9, 1))))
                .contains(new HedgePick(0, List.of("c", "d")));
        assertThat(HedgeSelector.pick(List.of(running(0, List.of("a", "b"), 9, 1))))
                .contains(new HedgePick(0, List.of("b")));
    }

    @Test
    void aSingleHedgeableTestIsDuplicated() {
        assertThat(HedgeSelector.pick(List.of(running(7, List.of("only"), 9, 1))))
                .contains(new HedgePick(7, List.of("only")));
    }

    @Test
    void batchesWithoutHedgeableTestsAreSkipped() {
        var picked = HedgeSelector.pick(List.of(running(0, List.of(), 500, 1), running(1, List.of("x"), 5, 1)));

        assertThat(picked).contains(new HedgePick(1, List.of("x")));
    }

    @Test
    void nothingToHedgeGivesNoPick() {
        assertThat(HedgeSelector.pick(List.of(running(0, List.of(), 500, 1)))).isEqualTo(Optional.empty());
        assertThat(HedgeSelector.pick(List.of())).isEmpty();
    }

    @Test
    void noHedgeWhenRemainingTimeIsAtMostTwiceTheBatchOverhead() {
        // 4 s left, O = 2 s: a hedge would pay 2 s of start-up for at best 2 s of gain, so none starts.
        assertThat(HedgeSelector.pick(List.of(running(0, List.of("a", "b"), 10, 6)), 2.0))
                .isEmpty();
        // 4.5 s left: worth it.
        assertThat(HedgeSelector.pick(List.of(running(0, List.of("a", "b"), 10.5, 6)), 2.0))
                .contains(new HedgePick(0, List.of("b")));
    }

    @Test
    void overheadRuleSkipsShortBatchesButStillHedgesALongOne() {
        var picked = HedgeSelector.pick(
                List.of(
                        running(0, List.of("a", "b"), 3, 1), // 2 s left
                        running(1, List.of("c", "d"), 30, 1)), // 29 s left
                5.0);

        assertThat(picked).contains(new HedgePick(1, List.of("d")));
        assertThat(HedgeSelector.pick(List.of(running(0, List.of("a", "b"), 3, 1)), 5.0))
                .isEmpty();
    }

    @Test
    void remainingTimeOfABatchWithReportedTestsCountsOnlyTheOthers() {
        // A batch of 10 tests of 1 s that has reported 9 of them (events) has 1 s left, not 10 s minus elapsed.
        var nearlyDone = new RunningBatch(0, List.of("j"), 1.0, Duration.ofMillis(200));

        assertThat(nearlyDone.remainingSecs()).isEqualTo(0.8);
        assertThat(HedgeSelector.pick(List.of(nearlyDone), 1.0)).isEmpty();
    }
}
