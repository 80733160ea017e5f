package dev.offload.core.provider.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.model.Container;
import dev.offload.core.run.OffloadRun;
import dev.offload.core.run.RunObserver;
import dev.offload.core.run.RunOptions;
import dev.offload.core.run.RunResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Containers carry the run's own id (SPEC §8.8), whatever name its run temp directory got. */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DockerRunLabelsTest {
    @TempDir
    Path dir;

    private volatile String runId;

    @BeforeEach
    void requireDocker() {
        DockerAvailability.require();
    }

    @Test
    void containersAreLabelledWithTheRunIdEvenWhenItsTempDirectoryNameWasTaken() throws Exception {
        PytestProject.write(dir);
        var config = PytestProject.config(dir, PytestProject.docker(DockerAvailability.BASE_IMAGE));
        List<List<Container>> seen = new CopyOnWriteArrayList<>();
        var run = new OffloadRun(
                config,
                RunOptions.defaults(),
                new RunObserver() {
                    @Override
                    public void batchStarted(int number, int slot, int tests) {
                        seen.add(safely(() -> DockerRunTest.containersOf(runId)));
                    }
                },
                Clock.systemUTC());
        runId = run.runId();
        // Someone else holds offload-<run id>: the run temp directory becomes offload-<run id>-1.
        Path taken = Files.createDirectories(Path.of(System.getProperty("java.io.tmpdir"), "offload-" + runId));
        RunResult result;
        try {
            result = run.execute();
        } finally {
            Files.deleteIfExists(taken);
        }

        assertThat(result.runId()).isEqualTo(runId);
        assertThat(seen)
                .isNotEmpty()
                .allSatisfy(containers -> assertThat(containers)
                        .isNotEmpty()
                        .allSatisfy(c -> assertThat(c.getNames()[0]).startsWith("/offload-" + runId + "-")));
        assertThat(DockerRunTest.containersOf(runId)).isEmpty();
    }

    private interface Call<T> {
        T call() throws Exception;
    }

    private static <T> T safely(Call<T> call) {
        try {
            return call.call();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
