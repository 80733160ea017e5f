package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bundled {@code docker_sandbox.sh} behind the {@code default} provider, against the real docker daemon: the
 * pytest fixture suite in containers gives the same verdicts as locally, and no container is left. Needs a running
 * daemon and the base image {@code offload-test-base:bookworm} ({@code OFFLOAD_TEST_IMAGE}) with python3 and pytest;
 * skipped with a message without them, failed under {@code CI=true} (SPEC §3.3).
 */
@Timeout(value = 300, unit = TimeUnit.SECONDS)
class DockerSandboxScriptTest {
    private static final String IMAGE =
            System.getenv().getOrDefault("OFFLOAD_TEST_IMAGE", "offload-test-base:bookworm");
    private static final String LABEL = "label=dev.offload.helper=docker_sandbox.sh";

    @TempDir
    Path dir;

    @BeforeAll
    static void dockerIsAvailable() throws Exception {
        String missing = docker("info").exitCode != 0
                ? "no docker daemon answers 'docker info'"
                : docker("image", "inspect", IMAGE).exitCode != 0 ? "the image " + IMAGE + " does not exist" : null;
        if (missing != null && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("CI=true but " + missing + " (.ci/run starts dockerd and builds the image)");
        }
        assumeTrue(missing == null, "SKIPPED docker_sandbox.sh tests: " + missing);
    }

    @org.junit.jupiter.api.AfterAll
    static void removeBuiltImages() throws Exception {
        String images = docker("images", "-q", "--filter", LABEL).output.strip();
        if (!images.isEmpty()) {
            var args = new java.util.ArrayList<>(java.util.List.of("rmi", "-f"));
            args.addAll(java.util.List.of(images.split("\\s+")));
            docker(args.toArray(String[]::new));
        }
    }

    @Test
    void pytestSuiteInContainersGivesTheSameVerdictsAsLocal() throws Exception {
        Path local = DefaultProviderRunTest.copyFixture(dir.resolve("local"));
        Path remote = DefaultProviderRunTest.copyFixture(dir.resolve("remote"));
        Files.writeString(remote.resolve("Dockerfile"), "FROM " + IMAGE + "\n");
        Files.writeString(remote.resolve(".dockerignore"), "test-results\n");

        RunResult viaLocal = run(config(local, ".", """
                [provider]
                type = "local"
                env = { PYTEST_DISABLE_PLUGIN_AUTOLOAD = "1" }
                """));
        RunResult viaDocker = run(config(remote, "/app", """
                [provider]
                type = "default"
                prepare_command = "@docker_sandbox.sh prepare Dockerfile --include-cwd --context-dir=. --sandbox-project-root=/app"
                create_command = "@docker_sandbox.sh create {image_id} --cpu {cpu_cores}"
                exec_command = "@docker_sandbox.sh exec {sandbox_id} {command}"
                destroy_command = "@docker_sandbox.sh destroy {sandbox_id}"
                download_command = "@docker_sandbox.sh download {sandbox_id} {paths}"
                timeout_secs = 120
                """));

        assertThat(DefaultProviderRunTest.verdicts(viaDocker)).isEqualTo(DefaultProviderRunTest.verdicts(viaLocal));
        assertThat(viaDocker.sandboxes()).isPositive();
        assertThat(docker("ps", "-aq", "--filter", LABEL).output)
                .as("containers left behind")
                .isBlank();
    }

    @Test
    void uncommittedTestReachesTheContainersThroughAThinDiffImage() throws Exception {
        Path remote = DefaultProviderRunTest.copyFixture(dir.resolve("remote"));
        Files.writeString(remote.resolve("Dockerfile"), "FROM " + IMAGE + "\n");
        Files.writeString(remote.resolve(".dockerignore"), "test-results\n");
        Files.writeString(remote.resolve(".gitignore"), "test-results/\n");
        Config config = config(remote, "/app", PROVIDER, "post_patch_cmd = \"echo $$OFFLOAD_PATCH_FILE > post.txt\"");
        dev.offload.core.git.GitRepo.init(remote).commitAll("base");
        Files.writeString(remote.resolve("tests/test_thin.py"), """
                def test_thin():
                    assert open("post.txt").read().strip() == "/tmp/offload.patch"
                """);
        List<String> phases = new CopyOnWriteArrayList<>();

        RunResult result = ProjectRuns.runRecordingPhases(config, phases);

        assertThat(DefaultProviderRunTest.verdicts(result))
                .containsEntry("tests/test_thin.py::test_thin", Verdict.PASSED)
                .containsEntry("tests/test_math.py::TestOps::test_add", Verdict.PASSED);
        assertThat(phases)
                .anyMatch(l -> l.startsWith("[prepare] starting: base build"))
                .anyMatch(l -> l.startsWith("[prepare] starting: thin-diff build"))
                .noneMatch(l -> l.contains("full build"));
    }

    private static final String PROVIDER = """
            [provider]
            type = "default"
            prepare_command = "@docker_sandbox.sh prepare Dockerfile --include-cwd --context-dir=. --sandbox-project-root=/app"
            create_command = "@docker_sandbox.sh create {image_id} --cpu {cpu_cores}"
            exec_command = "@docker_sandbox.sh exec {sandbox_id} {command}"
            destroy_command = "@docker_sandbox.sh destroy {sandbox_id}"
            download_command = "@docker_sandbox.sh download {sandbox_id} {paths}"
            timeout_secs = 120
            """;

    private static RunResult run(Config config) throws Exception {
        return new OffloadRun(config, RunOptions.defaults(), RunObserver.NONE, Clock.systemUTC()).execute();
    }

    private static Config config(Path project, String root, String provider) throws Exception {
        return config(project, root, provider, "");
    }

    private static Config config(Path project, String root, String provider, String offloadExtra) throws Exception {
        Path file = Files.writeString(project.resolve("offload.toml"), """
                [offload]
                max_parallel = 2
                test_timeout_secs = 120
                sandbox_project_root = "%s"
                %s

                %s
                [framework]
                type = "pytest"
                paths = ["tests"]
                command = "python3 -m pytest"

                [groups.unit]
                retry_count = 1
                """.formatted(root, offloadExtra, provider));
        var options = new LoadOptions(false, Map.of(), Path.of("test-results"), Optional.empty(), w -> {});
        return ConfigLoader.load(file, options);
    }

    private record Ran(int exitCode, String output) {}

    private static Ran docker(String... args) throws IOException, InterruptedException {
        var command = new java.util.ArrayList<String>();
        command.add("docker");
        command.addAll(java.util.List.of(args));
        Process p;
        try {
            p = new ProcessBuilder(command).redirectErrorStream(true).start();
        } catch (IOException noDocker) {
            return new Ran(127, "");
        }
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(30, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return new Ran(124, out);
        }
        return new Ran(p.exitValue(), out);
    }
}
