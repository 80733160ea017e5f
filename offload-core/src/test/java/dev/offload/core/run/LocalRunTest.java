package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs on the real local provider with the shell-defined framework: interruption and timeouts leave no process
 * behind and still write a complete report.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class LocalRunTest {
    @TempDir
    Path dir;

    @Test
    void cancelledRunReportsEveryTestNotRunAndLeavesNoProcessBehind() throws Exception {
        Config config = config(60, "for t in {tests}; do sleep 47; done");
        var started = new CountDownLatch(2);
        RunObserver observer = new RunObserver() {
            @Override
            public void batchStarted(int number, int slot, int tests) {
                started.countDown();
            }
        };
        var run = new OffloadRun(config, RunOptions.defaults(), observer, Clock.systemUTC());
        CompletableFuture<RunResult> result = CompletableFuture.supplyAsync(() -> execute(run));
        assertThat(started.await(30, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(300); // let the batch shells start their sleeps

        run.cancel("interrupted");
        RunResult finished = result.get(30, TimeUnit.SECONDS);

        assertThat(finished.outcomes()).extracting(TestOutcome::verdict).containsOnly(Verdict.NOT_RUN);
        assertThat(finished.outcomes()).extracting(TestOutcome::cause).containsOnly(Optional.of("interrupted"));
        assertThat(dir.resolve("test-results/junit.xml"))
                .content()
                .contains("<error message=\"not run: interrupted\" type=\"offload.NotRun\"/>");
        assertThat(finished.exitCode(false)).isEqualTo(1);
        assertNoLeftoverSleep("47");
    }

    @Test
    void timedOutTestFailsWithTimeoutAndItsProcessesAreGone() throws Exception {
        Config config = config(1, "for t in {tests}; do if [ \"$t\" = b ]; then sleep 53; fi; done");

        RunResult result = new OffloadRun(config, RunOptions.defaults(), RunObserver.NONE, Clock.systemUTC()).execute();

        TestOutcome b = outcome(result, "b");
        assertThat(b.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(b.attempts())
                .last()
                .satisfies(a -> assertThat(a.failure().orElseThrow().type()).isEqualTo("offload.Timeout"));
        assertThat(outcome(result, "a").verdict()).isEqualTo(Verdict.PASSED);
        assertNoLeftoverSleep("53");
    }

    @Test
    void timedOutPytestBatchKeepsTheResultsOfTestsThatReported() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/test_mixed.py"), """
                import time

                def test_one():
                    pass

                def test_two():
                    pass

                def test_three():
                    pass

                def test_zz_hangs():
                    time.sleep(61)
                """);
        Path file = Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 1
                test_timeout_secs = 5
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
        List<Integer> batchSizes = new java.util.concurrent.CopyOnWriteArrayList<>();
        RunObserver observer = new RunObserver() {
            @Override
            public void batchStarted(int number, int slot, int tests) {
                batchSizes.add(tests);
            }
        };

        RunResult result = new OffloadRun(
                        ConfigLoader.load(file, options), RunOptions.defaults(), observer, Clock.systemUTC())
                .execute();

        String quick = "tests/test_mixed.py::test_";
        assertThat(outcome(result, quick + "one").verdict()).isEqualTo(Verdict.PASSED);
        assertThat(outcome(result, quick + "three").verdict()).isEqualTo(Verdict.PASSED);
        assertThat(outcome(result, quick + "zz_hangs").verdict()).isEqualTo(Verdict.FAILED);
        // The whole batch, then only the hanging test alone: the quick ones are not run again.
        assertThat(batchSizes).containsExactly(4, 1);
    }

    @Test
    void fixedResultFileSharedByParallelLocalSandboxesIsWarnedAboutAtStart() throws Exception {
        String run = "{ echo \"<testsuite>\"; for t in {tests}; do echo \"<testcase name=\\\"$t\\\"/>\"; done;"
                + " echo \"</testsuite>\"; } > out.xml";
        String shared = "framework.result_file 'out.xml' is shared by the local sandboxes, which all run in one"
                + " directory: with max_parallel > 1 concurrent batches overwrite each other's results; put"
                + " {result_file} in run_command instead";

        assertThat(warnings(config(60, run, 2, "result_file = \"out.xml\""))).containsOnlyOnce(shared);
        assertThat(warnings(config(60, run, 1, "result_file = \"out.xml\""))).doesNotContain(shared);
    }

    private static List<String> warnings(Config config) throws Exception {
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        RunObserver observer = new RunObserver() {
            @Override
            public void warning(String line) {
                warnings.add(line);
            }
        };
        new OffloadRun(config, RunOptions.defaults(), observer, Clock.systemUTC()).execute();
        return warnings;
    }

    @Test
    void batchThatKillsItselfIsAnErrorNamingTheExitWithoutDownloadRetries() throws Exception {
        // {result_file} mode: the runner should write JUnit XML there, but it dies first, every time.
        Config config = config(60, "kill -9 $$$$ # {tests} {result_file}");
        List<String> warnings = new java.util.concurrent.CopyOnWriteArrayList<>();
        RunObserver observer = new RunObserver() {
            @Override
            public void warning(String line) {
                warnings.add(line);
            }
        };

        RunResult result = new OffloadRun(config, RunOptions.defaults(), observer, Clock.systemUTC()).execute();

        assertThat(result.outcomes()).extracting(TestOutcome::verdict).containsOnly(Verdict.ERROR);
        assertThat(outcome(result, "a").cause()).get().asString().matches("sandbox local-\\d died: exit 137.*");
        assertThat(warnings).noneMatch(w -> w.startsWith("retrying download"));
    }

    private Config config(int timeoutSecs, String runCommand) throws Exception {
        return config(timeoutSecs, runCommand, 2, "");
    }

    private Config config(int timeoutSecs, String runCommand, int maxParallel, String moreFramework) throws Exception {
        Path file = Files.writeString(
                dir.resolve("offload.toml"), """
                [offload]
                max_parallel = %d
                test_timeout_secs = %d
                impatiently_requeue_batches = false

                [provider]
                type = "local"

                [framework]
                type = "default"
                discover_command = "printf 'a\\\\nb\\\\nc\\\\n' # {filters}"
                run_command = '%s'
                test_id_format = "{name}"
                %s

                [groups.all]
                retry_count = 0
                """.formatted(maxParallel, timeoutSecs, runCommand, moreFramework));
        var options = new LoadOptions(false, Map.of(), Path.of("test-results"), Optional.empty(), w -> {});
        return ConfigLoader.load(file, options);
    }

    private static RunResult execute(OffloadRun run) {
        try {
            return run.execute();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static TestOutcome outcome(RunResult result, String id) {
        return result.outcomes().stream()
                .filter(o -> o.test().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    /** No process started by this JVM runs {@code sleep <marker>} any more (a killed one may take a moment). */
    private static void assertNoLeftoverSleep(String marker) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        List<String> left;
        do {
            left = ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").matches(".*\\bsleep " + marker + "\\b.*"))
                    .filter(ProcessHandle::isAlive)
                    .filter(p -> !isZombie(p))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse(""))
                    .toList();
            if (left.isEmpty()) {
                return;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        assertThat(left).as("processes left behind").isEmpty();
    }

    private static boolean isZombie(ProcessHandle p) {
        try {
            String stat = Files.readString(Path.of("/proc/" + p.pid() + "/stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).startsWith("Z");
        } catch (Exception e) {
            return true; // gone already
        }
    }
}
