package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The {@code modal} provider end to end: the Java side generates the templates, the bundled {@code modal_sandbox.py}
 * runs them, and the Modal SDK underneath is a STAND-IN ({@code src/test/resources/modal-standin/modal}, put on
 * PYTHONPATH by surefire) because Modal cannot be reached from our machines. The stand-in records every SDK call and
 * runs each sandbox in a private directory, so the real pytest suite runs through the whole chain.
 */
@Timeout(value = 240, unit = TimeUnit.SECONDS)
class ModalProviderRunTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void standInIsOnThePythonPath() throws Exception {
        Process p = new ProcessBuilder("python3", "-c", "import modal; assert modal.__standin__")
                .redirectErrorStream(true)
                .start();
        assertThat(p.waitFor())
                .as("the modal stand-in must be on PYTHONPATH (see offload-core/pom.xml): "
                        + new String(p.getInputStream().readAllBytes()))
                .isZero();
    }

    @Test
    void pytestSuiteOnModalSandboxesGivesTheSameVerdictsAsLocal() throws Exception {
        Path local = DefaultProviderRunTest.copyFixture(dir.resolve("local"));
        Path remote = DefaultProviderRunTest.copyFixture(dir.resolve("remote"));

        RunResult viaLocal = run(config(local, """
                [provider]
                type = "local"
                env = { PYTEST_DISABLE_PLUGIN_AUTOLOAD = "1" }
                """));
        RunResult viaModal = run(config(remote, """
                [provider]
                type = "modal"
                include_cwd = true
                cpu_cores = 0.5
                memory_gb = 1.5
                experimental_options = { enable_snapshot = true }
                env = { PYTEST_DISABLE_PLUGIN_AUTOLOAD = "1" }
                """));

        assertThat(DefaultProviderRunTest.verdicts(viaModal)).isEqualTo(DefaultProviderRunTest.verdicts(viaLocal));
        List<JsonNode> calls = calls(remote);
        List<JsonNode> builds = byCall(calls, "Image.build");
        assertThat(builds).hasSize(1);
        assertThat(builds.get(0).get("steps").toString()).contains("[\"debian_slim\",\"3.11\"]", "\"add_local_dir\"");
        List<JsonNode> creates = byCall(calls, "Sandbox.create");
        assertThat(creates).isNotEmpty().allSatisfy(create -> {
            assertThat(create.get("cpu").asDouble()).isEqualTo(0.5);
            assertThat(create.get("memory").asInt()).isEqualTo(1536);
            assertThat(create.get("timeout").asInt()).isEqualTo(3600);
            assertThat(create.get("experimental_options").toString()).isEqualTo("{\"enable_snapshot\":true}");
            assertThat(create.get("image").asText())
                    .isEqualTo(builds.get(0).get("image_id").asText());
        });
        List<String> created =
                creates.stream().map(c -> c.get("sandbox_id").asText()).toList();
        List<String> terminated = byCall(calls, "Sandbox.terminate").stream()
                .map(c -> c.get("sandbox_id").asText())
                .toList();
        assertThat(terminated).containsExactlyInAnyOrderElementsOf(created);
        // Torn down by one `destroy-many` process (SPEC §8.4), not one helper process per sandbox.
        assertThat(byCall(calls, "Sandbox.terminate").stream()
                        .map(c -> c.get("pid").asLong())
                        .distinct())
                .hasSize(1);
    }

    private static List<JsonNode> calls(Path project) throws Exception {
        var mapper = new ObjectMapper();
        List<JsonNode> calls = new ArrayList<>();
        for (String line : Files.readAllLines(project.resolve(".modal-standin/calls.jsonl"))) {
            calls.add(mapper.readTree(line));
        }
        return calls;
    }

    private static List<JsonNode> byCall(List<JsonNode> calls, String name) {
        return calls.stream().filter(c -> c.get("call").asText().equals(name)).toList();
    }

    private static RunResult run(Config config) throws Exception {
        return new OffloadRun(config, RunOptions.defaults(), RunObserver.NONE, Clock.systemUTC()).execute();
    }

    private static Config config(Path project, String provider) throws Exception {
        Path file = Files.writeString(project.resolve("offload.toml"), """
                [offload]
                max_parallel = 2
                test_timeout_secs = 120
                sandbox_repo_root = "."
                # Hedge copies would replace sandboxes (destroyed one by one) depending on timing.
                impatiently_requeue_batches = false

                %s
                [framework]
                type = "pytest"
                paths = ["tests"]
                command = "python3 -m pytest"

                [groups.unit]
                retry_count = 1
                """.formatted(provider));
        var options = new LoadOptions(false, Map.of(), Path.of("test-results"), Optional.empty(), w -> {});
        return ConfigLoader.load(file, options);
    }
}
