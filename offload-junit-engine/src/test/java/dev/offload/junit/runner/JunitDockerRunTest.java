package dev.offload.junit.runner;

import static dev.offload.junit.runner.RunnerFixtures.method;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.ConfigLoader;
import dev.offload.core.run.OffloadRun;
import dev.offload.core.run.RunObserver;
import dev.offload.core.run.RunOptions;
import dev.offload.core.run.RunResult;
import dev.offload.core.run.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The junit framework on the docker provider (SPEC §7.3, §8.8): the class path staged once, copied into each container,
 * the batch JVMs run in containers and the verdicts equal a local run's of the same fixtures. Needs a docker daemon and
 * the image of {@code .ci/docker-setup.sh} with a JRE ({@code OFFLOAD_TEST_IMAGE}); skipped without them, a failure
 * under {@code CI=true} (SPEC §3.3).
 */
@Timeout(300)
class JunitDockerRunTest {
    private static final String IMAGE =
            System.getenv().getOrDefault("OFFLOAD_TEST_IMAGE", "offload-test-base:bookworm");

    @TempDir
    Path dir;

    @BeforeAll
    static void requireDockerWithJava() throws Exception {
        boolean available;
        try {
            Process probe = new ProcessBuilder("docker", "run", "--rm", "--network", "none", IMAGE, "java", "-version")
                    .redirectErrorStream(true)
                    .start();
            probe.getInputStream().readAllBytes();
            available = probe.waitFor(120, TimeUnit.SECONDS) && probe.exitValue() == 0;
        } catch (java.io.IOException e) {
            available = false;
        }
        String why = "docker, the image " + IMAGE + " or java in it is missing (run .ci/docker-setup.sh)";
        if (!available && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException(why + ", but CI=true requires them");
        }
        if (!available) {
            System.out.println("SKIPPED: " + why);
        }
        Assumptions.assumeTrue(available, why);
    }

    @Test
    void verdictsInContainersEqualTheLocalRunsOfTheSameSuite() throws Exception {
        var fixtures = new RunnerFixtures(dir.resolve("project"), JunitLine.PLATFORM_6);
        Path shared = Files.createDirectories(dir.resolve("app"));
        Path local = writeConfig(fixtures, "local.toml", "", "type = \"local\"\n", "local-results");
        // Every container mounts one host directory as /app: FlakyTest's marker (in the working directory) survives
        // a retry in the other container, as it survives one in the local working directory.
        Path docker = writeConfig(
                fixtures,
                "docker.toml",
                "sandbox_repo_root = \"/app\"",
                """
                type = "docker"
                image = "%s"
                run_args = ["-v", "%s:/app"]
                """.formatted(IMAGE, shared),
                "docker-results");
        List<String> phases = new CopyOnWriteArrayList<>();

        Map<String, Verdict> expected = verdicts(run(local, RunObserver.NONE));
        Map<String, Verdict> actual = verdicts(run(docker, new RunObserver() {
            @Override
            public void phase(String line) {
                phases.add(line);
            }
        }));

        assertThat(actual).isEqualTo(expected);
        assertThat(expected)
                .containsEntry(method("FlakyTest", "failsOnce()"), Verdict.FLAKY)
                .containsEntry(method("ExitTest", "exits()"), Verdict.ERROR)
                .containsEntry(method("FailingTest", "assertionFails()"), Verdict.FAILED)
                .containsEntry(method("PassingTest", "printsToStdout()"), Verdict.PASSED);
        assertThat(phases).anyMatch(l -> l.startsWith("Staged the class path for the sandboxes: "));
        // The batches named the staged files inside the container, never a path of this machine.
        Path index = fixtures.dir.resolve("docker-results/.offload/classpath.index");
        assertThat(Files.readAllLines(index)).anyMatch(l -> l.contains("-classes.jar\t" + fixtures.classes));
        try (Stream<Path> logs = Files.list(fixtures.dir.resolve("docker-results/logs"))) {
            assertThat(logs.map(Path::toString)).isNotEmpty();
        }
    }

    private static RunResult run(Path config, RunObserver observer) throws Exception {
        var loaded = ConfigLoader.load(config, dev.offload.core.config.LoadOptions.cli(false));
        return new OffloadRun(loaded, RunOptions.defaults(), observer, Clock.systemUTC()).execute();
    }

    private static Path writeConfig(
            RunnerFixtures fixtures, String name, String offload, String provider, String output) throws Exception {
        String classpath = Stream.concat(fixtures.line.jars().stream(), Stream.of(fixtures.classes))
                .map(p -> "\"" + p + "\"")
                .collect(Collectors.joining(", "));
        Path file = fixtures.dir.resolve(name);
        Files.writeString(file, """
                [offload]
                max_parallel = 2
                test_timeout_secs = 120
                impatiently_requeue_batches = false
                %s

                [provider]
                %s
                [framework]
                type = "junit"
                classpath = [%s]
                test_dirs = ["classes"]

                [groups.all]
                retry_count = 1

                [report]
                output_dir = "%s"
                """.formatted(offload, provider, classpath, output));
        return file;
    }

    private static Map<String, Verdict> verdicts(RunResult result) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        result.outcomes().forEach(o -> verdicts.put(o.test().id(), o.verdict()));
        return verdicts;
    }
}
