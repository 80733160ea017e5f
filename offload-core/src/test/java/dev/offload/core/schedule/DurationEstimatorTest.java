package dev.offload.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import dev.offload.core.framework.DiscoveredTest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DurationEstimatorTest {

    private static DiscoveredTest test(String id, String group) {
        return new DiscoveredTest(id, group, "");
    }

    @Test
    void historyEstimateWinsOverThePreviousJunitTime() {
        var estimator = new DurationEstimator(Map.of("a", 3.0), Map.of("a", 9.0, "b", 4.0), 1.0);

        assertThat(estimator.estimate(List.of(test("a", "g"), test("b", "g"))))
                .containsExactly(entry("a", 3.0), entry("b", 4.0));
    }

    @Test
    void testsWithoutDataGetTheMeanOfTheirGroup() {
        var estimator = new DurationEstimator(Map.of("a", 2.0), Map.of("b", 6.0, "other", 100.0), 1.0);

        var estimates = estimator.estimate(
                List.of(test("a", "unit"), test("b", "unit"), test("new", "unit"), test("other", "slow")));

        assertThat(estimates).containsEntry("new", 4.0);
    }

    @Test
    void aGroupWithNoDataUsesTheFallback() {
        var estimator = new DurationEstimator(Map.of("a", 2.0), Map.of(), 7.5);

        var estimates = estimator.estimate(List.of(test("a", "unit"), test("x", "it"), test("y", "it")));

        assertThat(estimates).containsExactly(entry("a", 2.0), entry("x", 7.5), entry("y", 7.5));
    }

    @Test
    void withoutAnyDataEveryTestGetsTheFallback() {
        var estimator = new DurationEstimator(Map.of(), Map.of(), 1.0);

        assertThat(estimator.estimate(List.of(test("a", "g"), test("b", "h"))).values())
                .containsExactly(1.0, 1.0);
    }

    @Test
    void shardingEstimatesIgnoreThePreviousJunitFile() {
        var estimator = DurationEstimator.forSharding(Map.of("a", 2.0), 1.0);

        assertThat(estimator.estimate(List.of(test("a", "g"), test("b", "g"))))
                .containsExactly(entry("a", 2.0), entry("b", 2.0));
    }

    @Test
    void unusableValuesCountAsAbsent() {
        var estimator = new DurationEstimator(
                Map.of("a", Double.NaN, "b", -1.0), Map.of("a", 5.0, "b", Double.POSITIVE_INFINITY), 1.0);

        assertThat(estimator.estimate(List.of(test("a", "g"), test("b", "g"))))
                .containsExactly(entry("a", 5.0), entry("b", 5.0));
    }

    @Test
    void aTestListedTwiceIsEstimatedOnceWithItsFirstGroup() {
        var estimator = new DurationEstimator(Map.of("known", 8.0), Map.of(), 1.0);

        var estimates = estimator.estimate(List.of(test("dup", "g"), test("known", "h"), test("dup", "h")));

        assertThat(estimates).containsExactly(entry("dup", 1.0), entry("known", 8.0));
    }
}
