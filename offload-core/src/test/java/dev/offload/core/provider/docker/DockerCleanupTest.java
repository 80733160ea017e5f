package dev.offload.core.provider.docker;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.offload.core.config.Config;
import dev.offload.core.image.ImageOptions;
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
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** No run leaves a container behind, however it ends (SPEC §8.4, §8.8), checked through the docker API. */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class DockerCleanupTest {
    @TempDir
    Path dir;

    @BeforeEach
    void requireDocker() {
        DockerAvailability.require();
    }

    @Test
    void cancelledRunRemovesItsContainersAndReportsTestsNotRun() throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/test_slow.py"), """
                import time

                def test_slow_one():
                    time.sleep(120)

                def test_slow_two():
                    time.sleep(120)
                """);
        Config config = PytestProject.config(dir, PytestProject.docker(DockerAvailability.BASE_IMAGE));
        var started = new CountDownLatch(1);
        RunObserver observer = new RunObserver() {
            @Override
            public void batchStarted(int number, int slot, int tests) {
                started.countDown();
            }
        };
        var run = new OffloadRun(config, RunOptions.defaults(), observer, Clock.systemUTC());
        CompletableFuture<RunResult> result = CompletableFuture.supplyAsync(() -> {
            try {
                return run.execute();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        assertThat(started.await(90, TimeUnit.SECONDS)).isTrue();
        Thread.sleep(1000); // pytest is sleeping inside the containers now
        assertThat(DockerRunTest.containersOf(run.runId())).isNotEmpty();

        run.cancel("interrupted");
        RunResult finished = result.get(60, TimeUnit.SECONDS);

        assertThat(finished.outcomes()).extracting(TestOutcome::verdict).containsOnly(Verdict.NOT_RUN);
        assertThat(DockerRunTest.containersOf(run.runId())).isEmpty();
    }

    @Test
    void failedPoolCreationLeavesNoContainer() throws Exception {
        PytestProject.write(dir);
        Config config = PytestProject.config(dir, PytestProject.docker(DockerAvailability.BASE_IMAGE));
        // An image that does not exist: every creation fails, the run ends with errors and nothing left behind.
        var images = new ImageOptions(false, Optional.of("offload-no-such-image:never"), List.of());

        RunResult result =
                new OffloadRun(config, RunOptions.defaults(), images, RunObserver.NONE, Clock.systemUTC()).execute();

        assertThat(result.outcomes()).extracting(TestOutcome::verdict).containsOnly(Verdict.ERROR);
        assertThat(DockerRunTest.containersOf(result.runId())).isEmpty();
    }

    @Test
    void containersOfADeadRunAreReapedAndThoseOfALiveRunKept() throws Exception {
        try (DockerClient client = DockerClients.open(Optional.empty())) {
            Process dead = new ProcessBuilder("true").start();
            dead.waitFor();
            String host = Owner.current().host();
            String orphan = container(client, "dead0", "tester@" + host + ":" + dead.pid());
            String alive = container(
                    client,
                    "live0",
                    "tester@" + host + ":" + ProcessHandle.current().pid());
            String foreign = container(client, "away0", "tester@some-other-machine:1");
            try {
                int removed = new ContainerReaper(client, w -> {}).reapDeadRuns();

                assertThat(removed).isGreaterThanOrEqualTo(1);
                assertThat(exists(client, orphan)).isFalse();
                assertThat(exists(client, alive)).isTrue();
                assertThat(exists(client, foreign)).isTrue();
            } finally {
                for (String id : List.of(orphan, alive, foreign)) {
                    try {
                        client.removeContainerCmd(id).withForce(true).exec();
                    } catch (NotFoundException e) {
                        // reaped
                    }
                }
            }
        }
    }

    private static String container(DockerClient client, String runId, String owner) {
        return client.createContainerCmd(DockerAvailability.BASE_IMAGE)
                .withLabels(Map.of(DockerProvider.RUN_ID_LABEL, runId, DockerProvider.OWNER_LABEL, owner))
                .withCmd("sleep", "infinity")
                .exec()
                .getId();
    }

    private static boolean exists(DockerClient client, String id) {
        try {
            client.inspectContainerCmd(id).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }
}
