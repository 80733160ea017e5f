package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fork_batches} with the real pytest on the local provider: forked batches give the verdicts and failure texts
 * of fresh interpreters, run where the batch runs (environment, sys.path, plugins), and a timed-out forked batch is
 * interrupted into keeping its finished results and leaves no process behind. The machine's pytest plugins stay
 * enabled here (hypothesis and others are installed machine-wide), so their preloading is exercised.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PytestForkBatchesRunTest {
    @TempDir
    Path dir;

    @Test
    void forkedBatchesReportTheVerdictsAndFailuresOfFreshInterpreters() throws Exception {
        writeSuite();

        RunResult forkedRun = run(true, 30);
        Map<String, String> forked = verdicts(forkedRun);
        String forkedParent = Files.readString(dir.resolve("parent.txt"));
        String forkedLogs = batchLogs();
        RunResult freshRun = run(false, 30);
        Map<String, String> fresh = verdicts(freshRun);
        String freshParent = Files.readString(dir.resolve("parent.txt"));

        assertThat(forked).isEqualTo(fresh).hasSize(8);
        assertThat(ProjectRuns.failureBodies(forkedRun))
                .as("failure texts, tracebacks included")
                .isEqualTo(ProjectRuns.failureBodies(freshRun))
                .hasSize(5); // 3 failures, 2 skips with their reasons
        assertThat(forked)
                .containsEntry("tests/test_suite.py::test_passes", "PASSED")
                .containsEntry("tests/test_suite.py::test_env_and_path", "PASSED")
                .containsEntry("tests/test_suite.py::test_skipped", "SKIPPED")
                .containsEntry("tests/test_suite.py::test_expected_failure", "SKIPPED")
                .containsEntry("tests/test_suite.py::test_setup_error", "FAILED")
                .containsEntry("tests/test_suite.py::test_exits", "FAILED");
        assertThat(forked.get("tests/test_suite.py::test_compares_lists"))
                .as("pytest's assertion rewriting explains the failure")
                // Without rewriting the message is a bare AssertionError. Its exact form varies: under CI=true pytest
                // drops the "AssertionError: " prefix and prints the untruncated diff.
                .startsWith("FAILED ")
                .contains("assert [1, 2] == [1, 3]");
        assertThat(forkedParent).as("forked from the run's pytest server").contains("offload_pytest_fork.py");
        assertThat(freshParent).as("fork_batches = false").doesNotContain("offload_pytest_fork.py");
        assertThat(forkedLogs).contains("test_prints").doesNotContain("PytestAssertRewriteWarning");
    }

    @Test
    void timedOutForkedBatchKeepsFinishedResultsAndLeavesNoProcess() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/test_hang.py"), """
                import os, time

                def test_a_quick():
                    pass

                def test_zz_hangs():
                    with open("hang.pid", "a") as out:
                        out.write("%d\\n" % os.getpid())
                    time.sleep(67)
                """);

        RunResult result = run(true, 8);

        Map<String, String> verdicts = verdicts(result);
        assertThat(verdicts).containsEntry("tests/test_hang.py::test_a_quick", "PASSED");
        assertThat(verdicts.get("tests/test_hang.py::test_zz_hangs")).startsWith("FAILED");
        for (String pid : Files.readAllLines(dir.resolve("hang.pid"))) {
            assertThat(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive))
                    .as("forked pytest %s of a timed-out batch", pid)
                    .isNotEqualTo(Optional.of(true));
        }
    }

    @Test
    void collectionErrorThroughTheForkServerNamesTheConfiguredCommand() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/test_bad.py"), "def test_a(:\n    pass\n");

        assertThatThrownBy(() -> run(true, 30))
                .isInstanceOf(RunAbortedException.class)
                .hasMessageContaining("command: python3 -m pytest --collect-only")
                .hasMessageContaining("ERROR collecting tests/test_bad.py")
                .hasMessageNotContaining("offload_pytest_fork.py");
    }

    private void writeSuite() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/helper_mod.py"), "VALUE = 42\n");
        Files.writeString(dir.resolve("tests/conftest.py"), """
                import pytest

                @pytest.fixture
                def broken():
                    raise RuntimeError("fixture broke")
                """);
        Files.writeString(dir.resolve("tests/test_suite.py"), """
                import os, sys
                import pytest

                def test_passes():
                    with open("parent.txt", "w") as out:
                        out.write(open("/proc/%d/cmdline" % os.getppid()).read().replace("\\0", " "))

                def test_env_and_path():
                    import helper_mod
                    assert helper_mod.VALUE == 42
                    assert os.environ["FROM_PROVIDER"] == "yes"
                    assert os.environ["OFFLOAD_SANDBOX_INDEX"] in ("0", "1")
                    assert os.path.realpath(os.getcwd()) == os.path.realpath(os.environ["OFFLOAD_ROOT"])

                def test_compares_lists():
                    assert [1, 2] == [1, 3]

                @pytest.mark.skip(reason="not today")
                def test_skipped():
                    pass

                @pytest.mark.xfail(reason="known")
                def test_expected_failure():
                    assert False

                def test_setup_error(broken):
                    pass

                def test_exits():
                    sys.exit(3)

                def test_prints():
                    print("to stdout")
                    print("to stderr", file=sys.stderr)
                """);
    }

    private RunResult run(boolean fork, int timeoutSecs) throws Exception {
        Path file = Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 2
                test_timeout_secs = %d
                impatiently_requeue_batches = false

                [provider]
                type = "local"
                env = { FROM_PROVIDER = "yes", PYTHONPATH = "lib" }

                [framework]
                type = "pytest"
                paths = ["tests"]
                command = "python3 -m pytest"
                fork_batches = %s

                [groups.all]
                retry_count = 0
                """.formatted(timeoutSecs, fork));
        return ProjectRuns.run(file);
    }

    /** Verdict per id, with the failure message for failed tests. */
    private static Map<String, String> verdicts(RunResult result) {
        Map<String, String> verdicts = new TreeMap<>();
        for (TestOutcome outcome : result.outcomes()) {
            String message = outcome.verdict() == Verdict.FAILED
                    ? outcome.decidingAttempt()
                            .flatMap(Attempt::failure)
                            .map(f -> f.message().contains("==") ? " " + f.message() : "")
                            .orElse("")
                    : "";
            verdicts.put(outcome.test().id(), outcome.verdict() + message);
        }
        return verdicts;
    }

    private String batchLogs() throws Exception {
        StringBuilder all = new StringBuilder();
        try (Stream<Path> logs = Files.list(dir.resolve("test-results/logs"))) {
            for (Path log : logs.toList()) {
                all.append(Files.readString(log));
            }
        }
        return all.toString();
    }
}
