package dev.offload.core.report;

import static dev.offload.core.report.RunFixtures.fail;
import static dev.offload.core.report.RunFixtures.pass;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.run.BatchRecord.BatchOutcome;
import dev.offload.core.run.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinalSummaryTest {

    @Test
    void passingRunPrintsCountsBatchesAndVerdict() {
        RunFixtures run = new RunFixtures().group("g").passed("g", "a").passed("g", "b");
        for (int i = 0; i < 7; i++) {
            run.batch(i, i % 2, 3, i + 0.5, BatchOutcome.SUCCESS);
        }

        assertThat(FinalSummary.render(run.build(), false)).isEqualTo("""
                        Test Results (run 4fQx):
                          Total:     2
                          Passed:    2
                          Flaky:     0
                          Failed:    0
                          Not run:   0
                          Errors:    0
                          Wall time: 1m 23.4s
                          Slowest batches:
                            #6  sandbox 0  3 tests  6.5s  success
                            #5  sandbox 1  3 tests  5.5s  success
                            #4  sandbox 0  3 tests  4.5s  success
                            #3  sandbox 1  3 tests  3.5s  success
                            #2  sandbox 0  3 tests  2.5s  success

                        All tests passed.
                        """);
    }

    @Test
    void flakyRunSaysHowManyWereFlakyAndShowsCost() {
        String text = FinalSummary.render(
                new RunFixtures()
                        .group("g")
                        .passed("g", "a")
                        .outcome("g", "f", Verdict.FLAKY, List.of(fail("x", ""), pass(1)), "")
                        .outcome("g", "s", Verdict.SKIPPED, List.of(), "")
                        .cost(0.0123)
                        .wall(6)
                        .build(),
                true);

        assertThat(text)
                .contains("  Skipped:   1\n")
                .contains("  Wall time: 6.0s\n  Estimated cost: $0.0123 (311.9 core-seconds)\n")
                .contains("\nFlaky tests:\n  f\n")
                .endsWith("\nAll tests passed (1 flaky).\n")
                .doesNotContain("Slowest batches");
    }

    @Test
    void failingRunListsIdsWithCausesAndCutsLongLists() {
        RunFixtures run = new RunFixtures().group("g");
        for (int i = 0; i < 23; i++) {
            run.outcome("g", "fail" + i, Verdict.FAILED, List.of(fail("x", "")), "");
        }
        run.outcome("g", "gone", Verdict.NOT_RUN, List.of(), "cancelled by --fail-fast");
        run.outcome("g", "broken", Verdict.ERROR, List.of(), "result file missing");

        String text = FinalSummary.render(run.build(), false);

        assertThat(text)
                .contains("\nFailed tests:\n  fail0\n")
                .contains("  fail19\n  ... and 3 more\n")
                .doesNotContain("fail20")
                .contains("\nErrors:\n  broken (result file missing)\n")
                .contains("\nNot run:\n  gone (cancelled by --fail-fast)\n")
                .endsWith("\nTests failed: 23 failed, 1 not run, 1 errors.\n");
    }

    @Test
    void abortedRunSaysWhy() {
        assertThat(FinalSummary.render(
                        new RunFixtures().group("g").aborted("discovery failed").build(), false))
                .endsWith("\nRun failed: discovery failed\n");
    }
}
