package dev.offload.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Planning without duration data: contiguous runs in id order instead of LPT's round-robin over equal estimates. */
class ContiguousRunsTest {

    private static List<List<String>> plan(List<SchedulableTest> tests, int maxParallel, int cap) {
        List<String> warnings = new ArrayList<>();
        List<PlannedBatch> batches = BatchPlanner.plan(tests, maxParallel, cap, warnings::add);
        assertThat(warnings).isEmpty();
        return batches.stream().map(PlannedBatch::ids).toList();
    }

    private static List<SchedulableTest> files(double secs, String... files) {
        List<SchedulableTest> tests = new ArrayList<>();
        for (String file : files) {
            for (int i = 0; i < 4; i++) {
                tests.add(new SchedulableTest("tests/test_" + file + ".py::test_" + i, secs, false));
            }
        }
        return tests;
    }

    private static List<String> ids(String file, int... indexes) {
        return IntStream.of(indexes)
                .mapToObj(i -> "tests/test_" + file + ".py::test_" + i)
                .toList();
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> all = new ArrayList<>(a);
        all.addAll(b);
        return all;
    }

    @Test
    void equalEstimatesSplitTheIdsIntoContiguousRunsSoFilesStayTogether() {
        List<List<String>> batches = plan(files(1.0, "c", "a", "b"), 2, BatchIds.MAX_JOINED_CHARS);

        assertThat(batches)
                .containsExactly(
                        concat(ids("a", 0, 1, 2, 3), ids("b", 0, 1)), concat(ids("b", 2, 3), ids("c", 0, 1, 2, 3)));
    }

    @Test
    void runSizesDifferByAtMostOneAndEachRunIsInIdOrder() {
        Random random = new Random(11);
        List<SchedulableTest> tests = new ArrayList<>();
        for (int i = 0; i < 23; i++) {
            tests.add(new SchedulableTest("f" + random.nextInt(5) + "::t" + i, 2.5, false));
        }

        List<List<String>> batches = plan(tests, 5, BatchIds.MAX_JOINED_CHARS);

        assertThat(batches).extracting(List::size).containsExactly(5, 5, 5, 4, 4);
        List<String> sorted = tests.stream()
                .map(SchedulableTest::id)
                .sorted(Utf8Order.COMPARATOR)
                .toList();
        assertThat(batches.stream().flatMap(List::stream)).containsExactlyElementsOf(sorted);
    }

    @Test
    void aRunOverTheCapIsCutAndNoBatchExceedsIt() {
        // 3-character ids, cap 11: three ids join to exactly 11, a fourth would make 15.
        List<SchedulableTest> tests = IntStream.range(0, 10)
                .mapToObj(i -> new SchedulableTest("t" + (char) ('a' + i) + "x", 1.0, false))
                .toList();

        List<List<String>> batches = plan(tests, 2, 11);

        // Runs tax..tex and tfx..tjx, each cut after three ids; the full batches come first (heaviest first).
        assertThat(batches)
                .containsExactly(
                        List.of("tax", "tbx", "tcx"),
                        List.of("tfx", "tgx", "thx"),
                        List.of("tdx", "tex"),
                        List.of("tix", "tjx"));
        assertThat(batches)
                .allSatisfy(b -> assertThat(BatchIds.isValidBatch(b, 11)).isTrue());
    }

    @Test
    void theIdFileCapCutsLessThanTheCommandLineCap() {
        List<SchedulableTest> tests = IntStream.range(0, 100)
                .mapToObj(i -> new SchedulableTest(String.format("%04d", i) + "x".repeat(996), 1.0, false))
                .toList();

        assertThat(plan(tests, 2, BatchIds.MAX_JOINED_CHARS))
                .extracting(List::size)
                .containsExactly(29, 29, 21, 21);
        assertThat(plan(tests, 2, BatchIds.MAX_FILE_CHARS))
                .extracting(List::size)
                .containsExactly(50, 50);
    }

    @Test
    void oneDifferentEstimateKeepsLptAsBefore() {
        List<SchedulableTest> tests = new ArrayList<>(files(1.0, "a", "b"));
        tests.set(0, new SchedulableTest(tests.get(0).id(), 2.0, false));

        // LPT: a0 (2 s) to batch 0, then the 1 s tests by id to the lighter batch, the lower index on ties.
        assertThat(plan(tests, 2, BatchIds.MAX_JOINED_CHARS))
                .containsExactly(concat(ids("a", 0, 3), ids("b", 1, 3)), concat(ids("a", 1, 2), ids("b", 0, 2)));
    }

    @Test
    void thePlanDoesNotDependOnTheInputOrder() {
        List<SchedulableTest> tests = new ArrayList<>(files(1.0, "a", "b", "c", "d", "e"));
        tests.add(new SchedulableTest("solo", 1.0, true));
        List<List<String>> expected = plan(tests, 3, BatchIds.MAX_JOINED_CHARS);
        Random random = new Random(3);
        for (int round = 0; round < 20; round++) {
            Collections.shuffle(tests, random);
            assertThat(plan(tests, 3, BatchIds.MAX_JOINED_CHARS)).isEqualTo(expected);
        }
    }
}
