package dev.offload.core.provider.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.model.Container;
import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import dev.offload.core.run.OffloadRun;
import dev.offload.core.run.RunObserver;
import dev.offload.core.run.RunOptions;
import dev.offload.core.run.RunResult;
import dev.offload.core.run.TestOutcome;
import dev.offload.core.run.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Whole runs of a real pytest suite on the real docker daemon, compared with the same suite run locally. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DockerRunTest {
    @TempDir
    Path dir;

    @BeforeEach
    void requireDocker() {
        DockerAvailability.require();
    }

    @Test
    void pytestSuiteOnDockerHasTheSameVerdictsAsLocal() throws Exception {
        PytestProject.write(dir);

        Map<String, Verdict> local = verdicts(run(PytestProject.config(dir, PytestProject.LOCAL)));
        RunResult docker = run(PytestProject.config(dir, PytestProject.docker(DockerAvailability.BASE_IMAGE)));

        assertThat(verdicts(docker)).isEqualTo(local);
        assertThat(local)
                .containsEntry("tests/test_mixed.py::test_fails", Verdict.FAILED)
                .containsEntry("tests/test_mixed.py::test_passes", Verdict.PASSED)
                .containsEntry("tests/test_mixed.py::test_skipped", Verdict.SKIPPED);
        assertThat(containersOf(docker.runId())).isEmpty();
    }

    @Test
    void timedOutBatchIsStoppedInsideItsContainerAndTheTestFailsWithTimeout() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/test_hang.py"), """
                import time

                def test_quick():
                    pass

                def test_zz_hangs():
                    time.sleep(300)
                """);
        PytestProject.config(dir, PytestProject.docker(DockerAvailability.BASE_IMAGE));
        Path file = dir.resolve("offload.toml");
        Files.writeString(
                file,
                Files.readString(file)
                        .replace("test_timeout_secs = 60", "test_timeout_secs = 5")
                        .replace("max_parallel = 2", "max_parallel = 1\nimpatiently_requeue_batches = false"));
        long start = System.nanoTime();

        RunResult result = run(load(file));

        Map<String, Verdict> verdicts = verdicts(result);
        assertThat(verdicts).containsEntry("tests/test_hang.py::test_quick", Verdict.PASSED);
        assertThat(verdicts).containsEntry("tests/test_hang.py::test_zz_hangs", Verdict.FAILED);
        TestOutcome hang = result.outcomes().stream()
                .filter(o -> o.test().id().endsWith("test_zz_hangs"))
                .findFirst()
                .orElseThrow();
        assertThat(hang.attempts()
                        .get(hang.attempts().size() - 1)
                        .failure()
                        .orElseThrow()
                        .type())
                .isEqualTo("offload.Timeout");
        // Two 5 s batches plus their stops: the sleeping pytest was killed, not waited for.
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start)).isLessThan(120);
        assertThat(containersOf(result.runId())).isEmpty();
    }

    static RunResult run(Config config) throws Exception {
        return run(config, RunObserver.NONE);
    }

    static RunResult run(Config config, RunObserver observer) throws Exception {
        return new OffloadRun(config, RunOptions.defaults(), observer, Clock.systemUTC()).execute();
    }

    static Map<String, Verdict> verdicts(RunResult result) {
        Map<String, Verdict> verdicts = new TreeMap<>();
        for (TestOutcome outcome : result.outcomes()) {
            verdicts.put(outcome.test().id(), outcome.verdict());
        }
        return verdicts;
    }

    static List<Container> containersOf(String runId) throws Exception {
        try (DockerClient client = DockerClients.open(Optional.empty())) {
            return client.listContainersCmd()
                    .withShowAll(true)
                    .withLabelFilter(Map.of(DockerProvider.RUN_ID_LABEL, runId))
                    .exec();
        }
    }

    static Config load(Path file) throws Exception {
        return ConfigLoader.load(
                file, new LoadOptions(false, Map.of(), Path.of("test-results"), Optional.empty(), w -> {}));
    }
}
