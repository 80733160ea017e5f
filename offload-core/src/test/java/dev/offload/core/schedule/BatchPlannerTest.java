package dev.offload.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class BatchPlannerTest {

    private static List<PlannedBatch> plan(List<SchedulableTest> tests, int maxParallel) {
        List<String> warnings = new ArrayList<>();
        List<PlannedBatch> batches = BatchPlanner.plan(tests, maxParallel, warnings::add);
        assertThat(warnings).isEmpty();
        return batches;
    }

    private static SchedulableTest test(String id, double secs) {
        return new SchedulableTest(id, secs, false);
    }

    private static List<List<String>> ids(List<PlannedBatch> batches) {
        return batches.stream().map(PlannedBatch::ids).toList();
    }

    @Test
    void lptMakespanStaysWithinFourThirdsOfTheOptimum() {
        Random random = new Random(20261126L);
        for (int trial = 0; trial < 400; trial++) {
            int n = 1 + random.nextInt(8);
            int machines = 1 + random.nextInt(4);
            double[] secs = new double[n];
            List<SchedulableTest> tests = new ArrayList<>();
            for (int i = 0; i < n; i++) {
                secs[i] = 1 + random.nextInt(40) / 4.0;
                tests.add(test("t" + i, secs[i]));
            }
            double makespan = plan(tests, machines).stream()
                    .mapToDouble(PlannedBatch::estimateSecs)
                    .max()
                    .orElseThrow();
            double optimum = BruteForce.optimalMakespan(secs, machines);
            assertThat(makespan)
                    .as("trial %d: %s on %d machines", trial, tests, machines)
                    .isLessThanOrEqualTo(optimum * 4 / 3 + 1e-9);
        }
    }

    @Test
    void lptPlacesEachTestOnTheLightestBatch() {
        List<SchedulableTest> tests = List.of(test("a", 7), test("b", 5), test("c", 4), test("d", 3), test("e", 3));

        // a→0, b→1, c→1 (5<7), d→0 (7<9), e→1 (9<10): loads 10 and 12, the heavier batch first.
        assertThat(ids(plan(tests, 2))).containsExactly(List.of("b", "c", "e"), List.of("a", "d"));
    }

    @Test
    void samePlanWhateverTheInputOrder() {
        Random random = new Random(7);
        List<SchedulableTest> tests = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            tests.add(new SchedulableTest("id-" + i, 1 + random.nextInt(3), i % 9 == 0));
        }
        List<PlannedBatch> expected = plan(tests, 4);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(tests, random);
            assertThat(plan(tests, 4)).isEqualTo(expected);
        }
    }

    @Test
    void equalEstimatesAreTiedByIdInUtf8ByteOrder() {
        // U+FFFF sorts before U+1F600 in UTF-8 although its UTF-16 unit is larger than the surrogate's.
        List<SchedulableTest> tests = List.of(test("\uD83D\uDE00", 1), test("\uFFFF", 1), test("b", 1), test("a", 1));

        assertThat(ids(plan(tests, 1))).containsExactly(List.of("a", "b", "\uFFFF", "\uD83D\uDE00"));
    }

    @Test
    void withoutDurationDataBatchesAreBalancedByCount() {
        List<SchedulableTest> tests =
                IntStream.range(0, 23).mapToObj(i -> test("t" + i, 1.0)).toList();

        assertThat(plan(tests, 5)).extracting(b -> b.ids().size()).containsExactly(5, 5, 5, 4, 4);
    }

    @Test
    void fewerTestsThanMaxParallelGiveOneBatchEachAndNoEmptyBatch() {
        List<SchedulableTest> tests = List.of(test("a", 1), test("b", 2), test("c", 3));

        assertThat(ids(plan(tests, 10))).containsExactly(List.of("c"), List.of("b"), List.of("a"));
    }

    @Test
    void noTestsGiveNoBatches() {
        assertThat(plan(List.of(), 3)).isEmpty();
    }

    @Test
    void individualBatchesComeFirstHeaviestFirstTiedById() {
        List<SchedulableTest> tests = List.of(
                test("x", 1),
                new SchedulableTest("slow-b", 5, true),
                test("y", 9),
                new SchedulableTest("quick", 2, true),
                new SchedulableTest("slow-a", 5, true));

        List<PlannedBatch> batches = plan(tests, 2);

        assertThat(ids(batches))
                .containsExactly(List.of("slow-a"), List.of("slow-b"), List.of("quick"), List.of("y"), List.of("x"));
        assertThat(batches).extracting(PlannedBatch::individual).containsExactly(true, true, true, false, false);
        assertThat(batches).extracting(PlannedBatch::estimateSecs).containsExactly(5.0, 5.0, 2.0, 9.0, 1.0);
    }

    @Test
    void individualTestsDoNotCountTowardsTheNumberOfPackedBatches() {
        List<SchedulableTest> tests = List.of(
                new SchedulableTest("i1", 1, true),
                new SchedulableTest("i2", 1, true),
                test("a", 1),
                test("b", 1),
                test("c", 1));

        assertThat(ids(plan(tests, 2))).containsExactly(List.of("i1"), List.of("i2"), List.of("a", "b"), List.of("c"));
    }

    @Test
    void longIdsAreSpreadOverMoreBatchesThanMaxParallelToRespectTheCap() {
        List<SchedulableTest> tests = IntStream.range(0, 100)
                .mapToObj(i -> test(String.format("%04d", i) + "x".repeat(996), 1.0))
                .toList();

        List<PlannedBatch> batches = plan(tests, 2);

        // 29 ids of 1,000 characters join to 29,028; a 30th would make 30,029.
        assertThat(batches).hasSize(4);
        assertThat(batches)
                .allSatisfy(
                        b -> assertThat(BatchIds.idsLength(b.ids())).isLessThanOrEqualTo(BatchIds.MAX_JOINED_CHARS));
        assertThat(batches.stream().flatMap(b -> b.ids().stream()))
                .containsExactlyInAnyOrderElementsOf(
                        tests.stream().map(SchedulableTest::id).toList());
    }

    @Test
    void idsJoiningToExactlyTheCapShareABatch() {
        List<SchedulableTest> fits = List.of(test("a".repeat(15_000), 2), test("b".repeat(14_999), 1));
        List<SchedulableTest> overflows = List.of(test("a".repeat(15_000), 2), test("b".repeat(15_000), 1));

        assertThat(plan(fits, 1)).hasSize(1);
        assertThat(plan(overflows, 1)).hasSize(2);
    }

    @Test
    void idOver30000CharactersRunsAloneWithAWarning() {
        String huge = "h".repeat(40_000);
        List<String> warnings = new ArrayList<>();

        List<PlannedBatch> batches =
                BatchPlanner.plan(List.of(test("a", 1), test(huge, 0.5), test("b", 1)), 1, warnings::add);

        assertThat(ids(batches)).containsExactly(List.of("a", "b"), List.of(huge));
        assertThat(batches.get(1).individual()).isFalse();
        assertThat(warnings)
                .singleElement()
                .asString()
                .startsWith("test id " + "h".repeat(80) + "…")
                .endsWith("is 40000 characters long (over 30000): it runs in a batch of its own");
    }

    @Test
    void lengthIsCountedInCharactersNotUtf16Units() {
        String astral = "\uD83D\uDE00".repeat(20_000); // 20,000 characters, 40,000 UTF-16 units
        List<String> warnings = new ArrayList<>();

        BatchPlanner.plan(List.of(test(astral, 1)), 1, warnings::add);

        assertThat(warnings).isEmpty();
    }

    @Test
    void aDuplicatedIdNeverSharesABatchWithItself() {
        List<SchedulableTest> tests = List.of(test("dup", 1), test("a", 1), test("dup", 1), test("dup", 1));

        List<PlannedBatch> batches = plan(tests, 1);

        assertThat(batches).allSatisfy(b -> assertThat(b.ids()).doesNotHaveDuplicates());
        assertThat(batches).hasSize(3);
    }

    @Test
    void everyPlannedBatchIsValid() {
        Random random = new Random(99);
        List<SchedulableTest> tests = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            String id = i + "-" + "y".repeat(random.nextInt(400));
            tests.add(new SchedulableTest(id, random.nextDouble() * 10, random.nextInt(50) == 0));
        }

        List<PlannedBatch> batches = plan(tests, 3);

        assertThat(batches)
                .allSatisfy(b -> assertThat(BatchIds.isValidBatch(b.ids())).isTrue());
        assertThat(batches.stream().mapToInt(b -> b.ids().size()).sum()).isEqualTo(tests.size());
    }

    @Test
    void maxParallelBelowOneIsRejected() {
        assertThatThrownBy(() -> BatchPlanner.plan(List.of(), 0, w -> {}))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("max_parallel must be at least 1: 0");
    }

    @Test
    void requeueSplitKeepsOrderWithTheLargerHalfSecond() {
        assertThat(BatchPlanner.splitInHalves(List.of("a", "b", "c", "d", "e")))
                .containsExactly(List.of("a", "b"), List.of("c", "d", "e"));
        assertThat(BatchPlanner.splitInHalves(List.of("a", "b"))).containsExactly(List.of("a"), List.of("b"));
        assertThat(BatchPlanner.splitInHalves(List.of("a"))).containsExactly(List.of("a"));
        assertThat(BatchPlanner.splitInHalves(List.of())).isEmpty();
    }

    /** Exhaustive search over every assignment of tests to machines. */
    private static final class BruteForce {
        static double optimalMakespan(double[] secs, int machines) {
            return search(secs, 0, new double[machines], Double.MAX_VALUE);
        }

        private static double search(double[] secs, int next, double[] loads, double best) {
            if (next == secs.length) {
                double makespan = 0;
                for (double load : loads) {
                    makespan = Math.max(makespan, load);
                }
                return Math.min(best, makespan);
            }
            for (int m = 0; m < loads.length; m++) {
                loads[m] += secs[next];
                if (loads[m] < best) {
                    best = search(secs, next + 1, loads, best);
                }
                loads[m] -= secs[next];
            }
            return best;
        }
    }
}
