package dev.offload.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The wall-time prediction of {@code plan} (SPEC §5.4). */
class MakespanSimulatorTest {

    @Test
    void eachSandboxTakesTheNextBatchWhenFreeAndEveryBatchPaysTheOverhead() {
        List<PlannedBatch> queue = List.of(batch(5), batch(3), batch(2), batch(2));

        var p = MakespanSimulator.predict(queue, List.of(5.0, 3.0, 2.0, 2.0), 2, 1.0);

        // sandbox A: 5+1 = 6; sandbox B: 3+1 = 4, then 2+1 → 7; A takes the last at 6 → 9
        assertThat(p.makespanSecs()).isEqualTo(9.0);
        assertThat(p.lowerBoundSecs()).isEqualTo(6.0); // max(5, 12 / 2)
        assertThat(p.batches()).isEqualTo(4);
    }

    @Test
    void lptOnAKnownLongTailIsCloseToTheLowerBound() {
        List<SchedulableTest> tests = new ArrayList<>();
        List<Double> estimates = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            double secs = i % 50 == 0 ? 4.0 : 0.1 + (i % 7) * 0.05;
            tests.add(new SchedulableTest("t" + i, secs, false));
            estimates.add(secs);
        }

        var p = MakespanSimulator.predict(BatchPlanner.plan(tests, 8, w -> {}), estimates, 8, 0.0);

        assertThat(p.makespanSecs()).isLessThanOrEqualTo(p.lowerBoundSecs() * 1.05);
    }

    @Test
    void moreSandboxesThanBatchesIdleTheRest() {
        var p = MakespanSimulator.predict(List.of(batch(4)), List.of(4.0), 8, 0.5);

        assertThat(p.makespanSecs()).isEqualTo(4.5);
        assertThat(p.lowerBoundSecs()).isEqualTo(4.0);
    }

    private static PlannedBatch batch(double secs) {
        return new PlannedBatch(List.of("t" + secs + Math.random()), secs, false);
    }
}
