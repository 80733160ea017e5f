package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §9.2 with the real pytest (≥ 8.2 here): ids travel in a file, so the 30,000-character cap does not split. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class PytestIdFileRunTest {
    @TempDir
    Path dir;

    @Test
    void batchWithMoreThan30000CharactersOfIdsRunsAsOneBatch() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        // 300 ids of ~160 characters: ~48,000 characters joined, two batches under the command-line cap.
        Files.writeString(dir.resolve("tests/test_long.py"), """
                import pytest

                @pytest.mark.parametrize("n", range(300), ids=lambda n: "case-%03d-" % n + "x" * 120)
                def test_long(n):
                    assert n >= 0
                """);
        Path file = Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 1
                impatiently_requeue_batches = false

                [provider]
                type = "local"
                env = { PYTEST_DISABLE_PLUGIN_AUTOLOAD = "1" }

                [framework]
                type = "pytest"
                paths = ["tests"]
                command = "python3 -m pytest"

                [groups.all]
                retry_count = 0
                """);
        var options = new LoadOptions(false, Map.of(), Path.of("test-results"), Optional.empty(), w -> {});
        List<Integer> batchSizes = new CopyOnWriteArrayList<>();
        RunObserver observer = new RunObserver() {
            @Override
            public void batchStarted(int number, int slot, int tests) {
                batchSizes.add(tests);
            }
        };

        RunResult result = new OffloadRun(
                        ConfigLoader.load(file, options), RunOptions.defaults(), observer, Clock.systemUTC())
                .execute();

        long joined = result.outcomes().stream()
                .mapToLong(o -> o.test().id().length() + 1)
                .sum();
        assertThat(joined).isGreaterThan(30_000);
        assertThat(batchSizes).containsExactly(300);
        assertThat(result.outcomes())
                .hasSize(300)
                .extracting(TestOutcome::verdict)
                .containsOnly(Verdict.PASSED);
        assertThat(result.batchOverheadSecs())
                .as("one batch finished: O is measured")
                .isPresent();
    }
}
