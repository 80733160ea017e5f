package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The batch overhead O (SPEC §9.6) of a batch that streamed events is its time outside its tests: start-up before the
 * first test and wind-down after the last. Time the runner spends between tests (here a hook sleeping 0.6 s before
 * each of 4 tests, which pytest reports in no duration) is what those tests cost wherever they run, so it is not
 * overhead a hedge would add. Measured with the real pytest on the local provider; the assertion compares with the
 * batch's own wall time, so a loaded machine cannot fail it.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BatchOverheadRunTest {
    @TempDir
    Path dir;

    @Test
    void overheadOfABatchWithEventsLeavesOutTheTimeBetweenItsTests() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/conftest.py"), """
                import time

                def pytest_runtest_logstart(nodeid, location):
                    time.sleep(0.6)
                """);
        Files.writeString(dir.resolve("tests/test_four.py"), """
                def test_a():
                    pass

                def test_b():
                    pass

                def test_c():
                    pass

                def test_d():
                    pass
                """);
        Path config = Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 1

                [provider]
                type = "local"

                [framework]
                type = "pytest"
                paths = ["tests"]
                command = "python3 -m pytest"

                [groups.all]
                retry_count = 0
                """);

        RunResult result = ProjectRuns.run(config);

        assertThat(result.outcomes()).hasSize(4).allMatch(o -> o.verdict() == Verdict.PASSED);
        assertThat(result.batches()).hasSize(1);
        double reported = result.outcomes().stream()
                .mapToDouble(o -> o.decidingAttempt().map(Attempt::secs).orElse(0.0))
                .sum();
        double wallMinusDurations = result.batches().get(0).secs() - reported;
        assertThat(result.batchOverheadSecs()).isPresent();
        assertThat(result.batchOverheadSecs().getAsDouble())
                .as("O without the 4 × 0.6 s the runner spent between tests")
                .isLessThan(wallMinusDurations - 2.0);
    }
}
