package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code fork_batches} with the real pytest on the local provider, collected once: the discovery keeps its collected
 * session and every batch runs in a fresh process forked from it. Each test module records the process that imported
 * it and the one that ran the test: imported once in the discovery, run in one process per batch. Verdicts and
 * failure texts are those of fresh interpreters ({@code fork_batches = false}); a batch the session cannot run (another
 * environment) is collected again as before; a timed-out batch keeps its finished results and leaves no process.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class PytestHeldSessionRunTest {
    @TempDir
    Path dir;

    @Test
    void batchesRunFromTheSessionCollectedOnceWithTheVerdictsOfFreshInterpreters() throws Exception {
        writeSuite();

        RunResult held = run(true, 30, "");
        List<String[]> heldPids = pids();
        List<String> heldFinishes = Files.readAllLines(dir.resolve("finish.txt"));
        Files.delete(dir.resolve("pids.txt"));
        RunResult fresh = run(false, 30, "");

        assertThat(ProjectRuns.verdicts(held))
                .isEqualTo(ProjectRuns.verdicts(fresh))
                .hasSize(10);
        assertThat(ProjectRuns.failureBodies(held))
                .as("failure texts")
                .isEqualTo(ProjectRuns.failureBodies(fresh))
                .hasSize(5);
        assertThat(ProjectRuns.verdicts(held))
                .containsEntry("tests/test_a.py::test_passes", "PASSED")
                .containsEntry("tests/test_a.py::test_ids[a b]", "PASSED")
                .containsEntry("tests/test_a.py::test_ids[x[1]]", "PASSED")
                .containsEntry("tests/test_b.py::test_fails", "FAILED")
                .containsEntry("tests/test_b.py::test_setup_error", "FAILED")
                .containsEntry("tests/test_b.py::test_exits", "FAILED")
                .containsEntry("tests/test_b.py::test_skipped", "SKIPPED");
        assertThat(heldPids).as("one line per test that ran").hasSize(9);
        Set<String> importers = heldPids.stream().map(p -> p[0]).collect(Collectors.toSet());
        Set<String> runners = heldPids.stream().map(p -> p[1]).collect(Collectors.toSet());
        assertThat(importers).as("test modules imported once, by the discovery").hasSize(1);
        assertThat(runners).as("one fresh process per batch").hasSize(2).doesNotContainAnyElementsOf(importers);
        assertThat(heldFinishes)
                .as("session finish runs in each batch, not in the discovery")
                .hasSize(2)
                .containsExactlyInAnyOrderElementsOf(runners);
        assertThat(pids()).as("fork_batches = false: each batch collects").allMatch(p -> p[0].equals(p[1]));
    }

    @Test
    void forkedBatchesEndAsAnInterpreterWouldFilesFlushedAndExitHandlersRun() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/test_exit.py"), """
                import atexit, os

                IMPORTED_BY = os.getpid()
                LEFT_OPEN = []

                def test_leaves_a_file_open():
                    assert IMPORTED_BY != os.getpid(), "collected once, run in a batch"
                    out = open("left-open.txt", "w")
                    out.write("written, never flushed or closed")
                    LEFT_OPEN.append(out)

                def test_registers_an_exit_handler():
                    atexit.register(lambda: open("at-exit.txt", "w").write("ran"))
                """);

        RunResult result = run(true, 30, "");

        assertThat(ProjectRuns.verdicts(result))
                .hasSize(2)
                .containsValue("PASSED")
                .doesNotContainValue("FAILED");
        assertThat(dir.resolve("left-open.txt")).hasContent("written, never flushed or closed");
        assertThat(dir.resolve("at-exit.txt")).hasContent("ran");
    }

    @Test
    void providerEnvironmentAndPythonPathReachTheHeldSession() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.createDirectories(dir.resolve("lib"));
        Files.writeString(dir.resolve("lib/helper_mod.py"), "VALUE = 42\n");
        Files.writeString(dir.resolve("tests/test_env.py"), """
                import os
                import helper_mod

                IMPORTED_BY = os.getpid()
                FROM_PROVIDER = os.environ["FROM_PROVIDER"]

                def test_one():
                    assert (FROM_PROVIDER, helper_mod.VALUE) == ("yes", 42)
                    assert IMPORTED_BY != os.getpid(), "collected once, run in a batch"

                def test_two():
                    assert os.environ["FROM_PROVIDER"] == "yes"
                    assert IMPORTED_BY != os.getpid(), "collected once, run in a batch"
                """);

        RunResult result = run(true, 30, "env = { FROM_PROVIDER = \"yes\", PYTHONPATH = \"lib\" }");

        assertThat(ProjectRuns.verdicts(result))
                .as("imported in discovery with the provider's env and PYTHONPATH")
                .containsEntry("tests/test_env.py::test_one", "PASSED")
                .containsEntry("tests/test_env.py::test_two", "PASSED");
    }

    @Test
    void batchOfAnotherGroupIsCollectedAgain() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        for (String name : List.of("first", "second")) {
            Files.writeString(dir.resolve("tests/test_" + name + ".py"), """
                    import os

                    IMPORTED_BY = os.getpid()

                    def test_records():
                        with open("pids-%s.txt", "w") as out:
                            out.write("%%d %%d" %% (IMPORTED_BY, os.getpid()))
                    """.formatted(name));
        }
        Path config = Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 2
                max_parallel_collection = 1

                [provider]
                type = "local"

                [framework]
                type = "pytest"
                paths = ["tests"]
                command = "python3 -m pytest"

                [groups.first]
                filters = "-k first"

                [groups.second]
                filters = "-k second"
                """);

        RunResult result = ProjectRuns.run(config);

        assertThat(ProjectRuns.verdicts(result))
                .hasSize(2)
                .containsOnlyKeys("tests/test_first.py::test_records", "tests/test_second.py::test_records");
        String[] first = Files.readString(dir.resolve("pids-first.txt")).split(" ");
        String[] second = Files.readString(dir.resolve("pids-second.txt")).split(" ");
        assertThat(first[0]).as("the first group's discovery holds its session").isNotEqualTo(first[1]);
        assertThat(second[0])
                .as("not collected there: the batch collects for itself")
                .isEqualTo(second[1]);
    }

    @Test
    void commandWithPytestOptionsIsCollectedOnceToo() throws Exception {
        writeSuite();
        Path config = Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 2

                [provider]
                type = "local"

                [framework]
                type = "pytest"
                paths = ["tests"]
                command = "python3 -m pytest -p no:cacheprovider"

                [groups.all]
                retry_count = 0
                """);

        RunResult result = ProjectRuns.run(config);

        assertThat(ProjectRuns.verdicts(result)).hasSize(10).containsEntry("tests/test_a.py::test_passes", "PASSED");
        assertThat(dir.resolve(".pytest_cache"))
                .as("-p no:cacheprovider reached pytest")
                .doesNotExist();
        assertThat(pids()).as("imported in discovery, run in batches").noneMatch(p -> p[0].equals(p[1]));
    }

    @Test
    void xdistInRunArgsFindsTheBatchPluginInItsWorkers() throws Exception {
        requireXdist();
        writeSuite();

        RunResult result = run(true, 60, "", "run_args = \"-n 2\"");

        assertThat(ProjectRuns.verdicts(result))
                .as("xdist's workers load Offload's plugin from the batch's PYTHONPATH")
                .hasSize(10)
                .containsEntry("tests/test_a.py::test_passes", "PASSED")
                .containsEntry("tests/test_b.py::test_fails", "FAILED");
    }

    @Test
    void timedOutHeldBatchKeepsFinishedResultsAndLeavesNoProcess() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/test_hang.py"), """
                import os, time

                IMPORTED_BY = os.getpid()

                def test_a_quick():
                    assert IMPORTED_BY != os.getpid(), "collected once, run in a batch"

                def test_zz_hangs():
                    with open("hang.pid", "a") as out:
                        out.write("%d\\n" % os.getpid())
                    time.sleep(67)
                """);

        RunResult result = run(true, 8, "");

        Map<String, String> verdicts = ProjectRuns.verdicts(result);
        assertThat(verdicts).containsEntry("tests/test_hang.py::test_a_quick", "PASSED");
        assertThat(verdicts.get("tests/test_hang.py::test_zz_hangs")).startsWith("FAILED");
        for (String pid : Files.readAllLines(dir.resolve("hang.pid"))) {
            assertThat(ProcessHandle.of(Long.parseLong(pid)).map(ProcessHandle::isAlive))
                    .as("forked pytest %s of a timed-out batch", pid)
                    .isNotEqualTo(Optional.of(true));
        }
    }

    private void writeSuite() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/conftest.py"), """
                import os
                import pytest

                @pytest.fixture
                def broken():
                    raise RuntimeError("fixture broke")

                @pytest.fixture(autouse=True)
                def record_pids(request):
                    with open("pids.txt", "a") as out:
                        out.write("%d %d\\n" % (request.module.IMPORTED_BY, os.getpid()))
                    yield

                def pytest_sessionfinish(session):
                    if session.config.getoption("collectonly"):
                        return
                    with open("finish.txt", "a") as out:
                        out.write("%d\\n" % os.getpid())
                """);
        Files.writeString(dir.resolve("tests/test_a.py"), """
                import os
                import pytest

                IMPORTED_BY = os.getpid()

                def test_passes():
                    pass

                @pytest.mark.parametrize("value", ["a b", "x[1]"])
                def test_ids(value):
                    assert value

                def test_prints():
                    print("to stdout")

                @pytest.mark.xfail(reason="known")
                def test_expected_failure():
                    assert False
                """);
        Files.writeString(dir.resolve("tests/test_b.py"), """
                import os, sys
                import pytest

                IMPORTED_BY = os.getpid()

                def test_fails():
                    assert [1, 2] == [1, 3]

                def test_setup_error(broken):
                    pass

                def test_exits():
                    sys.exit(3)

                @pytest.mark.skip(reason="not today")
                def test_skipped():
                    pass

                def test_passes_too():
                    pass
                """);
    }

    /** pytest-xdist: .ci/run installs it; a laptop without it skips with a message (SPEC §3.3). */
    private static void requireXdist() throws Exception {
        Process probe = new ProcessBuilder("python3", "-c", "import xdist")
                .redirectErrorStream(true)
                .start();
        boolean present = probe.waitFor() == 0;
        if (!present && "true".equals(System.getenv("CI"))) {
            fail("pytest-xdist is required under CI=true (SPEC §3.3): .ci/run installs it");
        }
        assumeTrue(present, "pytest-xdist is not installed: skipping (python3 -m pip install pytest-xdist)");
    }

    /** {importing pid, running pid} per test that ran. */
    private List<String[]> pids() throws Exception {
        return Files.readAllLines(dir.resolve("pids.txt")).stream()
                .map(line -> line.split(" "))
                .toList();
    }

    private RunResult run(boolean fork, int timeoutSecs, String providerLine) throws Exception {
        return run(fork, timeoutSecs, providerLine, "");
    }

    private RunResult run(boolean fork, int timeoutSecs, String providerLine, String frameworkLine) throws Exception {
        Files.deleteIfExists(dir.resolve("finish.txt"));
        Path file = Files.writeString(
                dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 2
                test_timeout_secs = %d
                impatiently_requeue_batches = false

                [provider]
                type = "local"
                %s

                [framework]
                type = "pytest"
                paths = ["tests"]
                command = "python3 -m pytest"
                fork_batches = %s
                %s

                [groups.all]
                retry_count = 0
                """.formatted(timeoutSecs, providerLine, fork, frameworkLine));
        return ProjectRuns.run(file);
    }
}
