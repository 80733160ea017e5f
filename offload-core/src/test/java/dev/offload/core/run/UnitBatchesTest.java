package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.framework.DiscoveredTest;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class UnitBatchesTest {
    @Test
    void testsOfOneUnitLandInOneBatchAndUnitsAreBalancedBySummedEstimates() {
        List<DiscoveredTest> tests = List.of(
                new DiscoveredTest("A.a1", "g", "A", "A"),
                new DiscoveredTest("A.a2", "g", "A", "A"),
                new DiscoveredTest("B.b1", "g", "B", "B"),
                new DiscoveredTest("C.c1", "g", "C", "C"));
        Map<String, Double> estimates = Map.of("A.a1", 2.0, "A.a2", 2.0, "B.b1", 3.0, "C.c1", 1.0);

        List<List<String>> queue = UnitBatches.plan(tests, estimates, Set.of(), 2, w -> {});

        assertThat(queue).containsExactly(List.of("A.a1", "A.a2"), List.of("B.b1", "C.c1"));
    }

    @Test
    void testsThatAreTheirOwnUnitsPlanAsBefore() {
        List<DiscoveredTest> tests = List.of(new DiscoveredTest("x", "g", ""), new DiscoveredTest("y", "g", ""));

        assertThat(UnitBatches.plan(tests, Map.of("x", 1.0, "y", 1.0), Set.of(), 4, w -> {}))
                .containsExactly(List.of("x"), List.of("y"));
    }

    @Test
    void withoutDurationDataEqualUnitsAreSplitIntoContiguousRunsAndStayWhole() {
        List<DiscoveredTest> tests = new java.util.ArrayList<>();
        for (String cls : List.of("D", "B", "A", "C")) {
            tests.add(new DiscoveredTest(cls + ".m2", "g", cls, cls));
            tests.add(new DiscoveredTest(cls + ".m1", "g", cls, cls));
        }
        Map<String, Double> estimates = new java.util.HashMap<>();
        tests.forEach(t -> estimates.put(t.id(), 1.0));

        List<List<String>> queue = UnitBatches.plan(tests, estimates, Set.of(), 2, w -> {});

        // Units in id order, two per batch; a unit's tests keep their discovery order.
        assertThat(queue)
                .containsExactly(List.of("A.m2", "A.m1", "B.m2", "B.m1"), List.of("C.m2", "C.m1", "D.m2", "D.m1"));
    }

    @Test
    void requeuedHalvesKeepUnitsWholeAndSplitALoneUnit() {
        Map<String, String> units = Map.of("a1", "A", "a2", "A", "b1", "B", "b2", "B", "b3", "B");
        var queue = new BatchQueue(List.of(), units::get);

        queue.requeueInHalves(List.of("a1", "a2", "b1", "b2", "b3"));
        var first = queue.take(0, false, id -> true).orElseThrow();
        var second = queue.take(0, false, id -> true).orElseThrow();
        queue.requeueInHalves(List.of("b1", "b2", "b3"));
        var lone = queue.take(0, false, id -> true).orElseThrow();

        assertThat(first.ids()).containsExactly("a1", "a2");
        assertThat(second.ids()).containsExactly("b1", "b2", "b3");
        assertThat(lone.ids()).containsExactly("b1");
    }
}
