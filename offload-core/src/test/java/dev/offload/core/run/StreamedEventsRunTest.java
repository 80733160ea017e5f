package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import dev.offload.core.framework.DiscoveredTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Streamed {@code ##offload:<token>##} events (SPEC §7.1, §10.5) on the real local provider, with the shell-defined
 * framework: any runner that prints the lines gets crash tolerance, whatever the framework.
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class StreamedEventsRunTest {
    @TempDir
    Path dir;

    @Test
    void testsWithAnEndEventKeepTheirResultsWhenTheBatchDiesAndOnlyTheOthersAreRequeued() throws Exception {
        Path script = Path.of("src/test/resources/streamed/dies_after_a.sh").toAbsolutePath();

        RunResult result =
                new OffloadRun(config(script), RunOptions.defaults(), RunObserver.NONE, Clock.systemUTC()).execute();

        TestOutcome a = outcome(result, "a");
        assertThat(a.verdict()).isEqualTo(Verdict.PASSED);
        assertThat(a.attempts())
                .singleElement()
                .satisfies(attempt -> assertThat(attempt.secs()).isEqualTo(0.25));
        TestOutcome f = outcome(result, "f");
        assertThat(f.verdict()).as(f.toString()).isEqualTo(Verdict.FAILED);
        assertThat(f.attempts().get(0).failure().orElseThrow().message()).isEqualTo("nope");
        // z killed its batch every time: an event with another run's token is only output.
        TestOutcome z = outcome(result, "z");
        assertThat(z.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(z.attempts()).isEmpty();
        assertThat(result.batches().get(0).tests()).isEqualTo(3);
        assertThat(result.batches().subList(1, result.batches().size()))
                .allSatisfy(batch -> assertThat(batch.tests()).isEqualTo(1));
    }

    @Test
    void aPassingEndEventDecidesTheTestWhileItsBatchStillRuns() throws Exception {
        Path script = Path.of("src/test/resources/streamed/dies_after_a.sh").toAbsolutePath();
        Map<String, Long> seen = new ConcurrentHashMap<>();
        RunObserver observer = new RunObserver() {
            @Override
            public void decided(DiscoveredTest test, Verdict verdict) {
                seen.putIfAbsent("decided " + test.id(), System.nanoTime());
            }

            @Override
            public void batchFinished(BatchRecord batch) {
                seen.putIfAbsent("finished batch " + batch.number(), System.nanoTime());
            }
        };

        new OffloadRun(config(script), RunOptions.defaults(), observer, Clock.systemUTC()).execute();

        // The batch sleeps 1 s after a's end event before it dies: a was decided during that second.
        long early = seen.get("finished batch 0") - seen.get("decided a");
        assertThat(early).isGreaterThan(500_000_000L);
        assertThat(seen.get("decided f")).isGreaterThan(seen.get("decided a")); // failures wait for the batch
    }

    @Test
    void eventLinesStayOutOfTheBatchLog() throws Exception {
        Path script = Path.of("src/test/resources/streamed/dies_after_a.sh").toAbsolutePath();

        new OffloadRun(config(script), RunOptions.defaults(), RunObserver.NONE, Clock.systemUTC()).execute();

        String firstLog;
        try (Stream<Path> logs = Files.list(dir.resolve("test-results/logs"))) {
            Path stdout = logs.filter(p -> p.getFileName().toString().startsWith("batch-0.stdout"))
                    .findFirst()
                    .orElseThrow();
            firstLog = Files.readString(stdout);
        }
        assertThat(firstLog).contains("plain output of a").contains("##offload:not-our-token##");
        assertThat(firstLog).doesNotContain("\"ev\":\"start\",\"id\":\"a\"").doesNotContain("\"id\":\"f\"");
    }

    private Config config(Path script) throws Exception {
        Path file = Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 1
                test_timeout_secs = 60
                impatiently_requeue_batches = false

                [provider]
                type = "local"

                [framework]
                type = "default"
                discover_command = "printf 'a\\\\nf\\\\nz\\\\n' # {filters}"
                run_command = '%s {tests}'
                result_file = "never-written.xml"
                test_id_format = "{name}"

                [groups.all]
                retry_count = 0
                """.formatted(script));
        return ConfigLoader.load(
                file, new LoadOptions(false, Map.of(), Path.of("test-results"), Optional.empty(), w -> {}));
    }

    private static TestOutcome outcome(RunResult result, String id) {
        return result.outcomes().stream()
                .filter(o -> o.test().id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
