package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import dev.offload.core.provider.Shell;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whole runs through the {@code default} provider with real shell templates: each sandbox is a private copy of the
 * project in a temp directory ({@code template-sandbox/*.sh}: {@code cp -R} on create, {@code cd} on exec,
 * {@code rm -rf} on destroy), and the tests are the real pytest fixture suite.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class DefaultProviderRunTest {
    @TempDir
    Path dir;

    @Test
    void pytestSuiteThroughShellTemplatesGivesTheSameVerdictsAsLocal() throws Exception {
        Path local = copyFixture(dir.resolve("local"));
        Path remote = copyFixture(dir.resolve("remote"));
        Path lifecycle = dir.resolve("lifecycle.log");

        RunResult viaLocal = run(config(local, localProvider()), RunObserver.NONE);
        RunResult viaTemplates = run(config(remote, templates(remote, lifecycle, true)), RunObserver.NONE);

        assertThat(verdicts(viaTemplates)).isEqualTo(verdicts(viaLocal));
        assertThat(verdicts(viaLocal)).containsValues(Verdict.PASSED, Verdict.FAILED, Verdict.SKIPPED);
        assertThat(viaTemplates.outcomes()).hasSize(viaLocal.outcomes().size()).hasSizeGreaterThan(15);
        // The weird ids crossed two shells ({command} and the exec script) without running anything.
        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(name -> name.startsWith("pwned"));
        }
        List<String> calls = Files.readAllLines(lifecycle);
        assertThat(calls.stream().filter(c -> c.equals("create")).count())
                .isEqualTo(calls.stream().filter(c -> c.startsWith("destroy ")).count())
                .isPositive();
        assertNoSandboxLeft();
    }

    @Test
    void withoutDownloadCommandResultsArriveAsBase64ThroughExec() throws Exception {
        Path remote = copyFixture(dir.resolve("remote"));

        RunResult result = run(config(remote, templates(remote, dir.resolve("log"), false)), RunObserver.NONE);

        assertThat(verdicts(result)).containsEntry("tests/test_math.py::TestOps::test_add", Verdict.PASSED);
        assertThat(verdicts(result)).containsEntry("tests/test_phases.py::test_setup_error", Verdict.FAILED);
        assertNoSandboxLeft();
    }

    private static RunResult run(Config config, RunObserver observer) throws Exception {
        return new OffloadRun(config, RunOptions.defaults(), observer, Clock.systemUTC()).execute();
    }

    static Map<String, Verdict> verdicts(RunResult result) {
        Map<String, Verdict> verdicts = new TreeMap<>();
        result.outcomes().forEach(o -> verdicts.put(o.test().id(), o.verdict()));
        return verdicts;
    }

    private static String localProvider() {
        return """
                [provider]
                type = "local"
                env = { PYTEST_DISABLE_PLUGIN_AUTOLOAD = "1" }
                """;
    }

    /** The test-scope template set; {@code lifecycle} gets one line per create and destroy. */
    static String templates(Path project, Path lifecycle, boolean withDownload) {
        String scripts = scriptsDir().toString();
        String sh = "sh " + Shell.quote(scripts) + "/";
        return """
                [provider]
                type = "default"
                create_command = "%screate.sh %s %s"
                exec_command = "%sexec.sh {sandbox_id} {command}"
                destroy_command = "%sdestroy.sh {sandbox_id} %s"
                %s
                timeout_secs = 60
                env = { PYTEST_DISABLE_PLUGIN_AUTOLOAD = "1" }
                """.formatted(
                        sh,
                        Shell.quote(project.toString()),
                        Shell.quote(lifecycle.toString()),
                        sh,
                        sh,
                        Shell.quote(lifecycle.toString()),
                        withDownload ? "download_command = \"" + sh + "download.sh {sandbox_id} {paths}\"" : "");
    }

    private static Config config(Path project, String provider) throws IOException, Exception {
        Path file = Files.writeString(project.resolve("offload.toml"), """
                [offload]
                max_parallel = 3
                test_timeout_secs = 120
                sandbox_project_root = "."

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

    static Path scriptsDir() {
        try {
            return Path.of(
                    DefaultProviderRunTest.class.getResource("template-sandbox").toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static Path copyFixture(Path target) throws IOException, URISyntaxException {
        Path source = Path.of(DefaultProviderRunTest.class
                .getResource("/dev/offload/core/framework/pytest-suite")
                .toURI());
        try (Stream<Path> files = Files.walk(source)) {
            for (Path file : files.toList()) {
                Path copy = target.resolve(source.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(copy);
                } else {
                    Files.copy(file, copy);
                }
            }
        }
        return target;
    }

    /** Every create.sh directory of this build (its tag, see the pom) was removed by destroy.sh. */
    static void assertNoSandboxLeft() throws IOException {
        Path tmp = Path.of(System.getenv().getOrDefault("TMPDIR", "/tmp"));
        String prefix = "offload-sandbox." + System.getenv().getOrDefault("OFFLOAD_TEST_SANDBOX_TAG", "untagged") + ".";
        List<Path> left = new CopyOnWriteArrayList<>();
        try (Stream<Path> entries = Files.list(tmp)) {
            entries.filter(p -> p.getFileName().toString().startsWith(prefix))
                    .filter(p -> p.toFile().lastModified() > STARTED)
                    .forEach(left::add);
        }
        assertThat(left).as("sandbox directories left behind").isEmpty();
    }

    private static final long STARTED = System.currentTimeMillis();
}
