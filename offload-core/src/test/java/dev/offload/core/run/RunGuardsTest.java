package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11 items 3, 4, 5 and 7 through whole runs: bad run options, secrets in a failing discovery, a hanging
 * discovery, a planted run directory. Each ends in one line and a summary.json, never a stack trace or a hang.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class RunGuardsTest {
    @TempDir
    Path dir;

    @Test
    void parallelZeroIsRefusedWithOneLineAndASummary() throws Exception {
        var options = new RunOptions(OptionalInt.of(0), Map.of(), List.of(), false, false, false, Optional.empty());

        assertThatThrownBy(() -> new OffloadRun(
                                config("printf 'a\\\\n' # {filters}", 60), options, RunObserver.NONE, Clock.systemUTC())
                        .execute())
                .isInstanceOf(RunAbortedException.class)
                .hasMessage("parallel must be at least 1, found 0")
                .hasNoCause();
        assertThat(dir.resolve("test-results/summary.json")).content().contains("\"outcome\" : \"error\"");
    }

    @Test
    void environmentNameWithEqualsSignIsRefusedBeforeAnyBatch() throws Exception {
        var options = new RunOptions(
                OptionalInt.empty(), Map.of("A=B", "x"), List.of(), false, false, false, Optional.empty());

        assertThatThrownBy(() -> new OffloadRun(
                                config("printf 'a\\\\n' # {filters}", 60), options, RunObserver.NONE, Clock.systemUTC())
                        .execute())
                .isInstanceOf(RunAbortedException.class)
                .hasMessageStartingWith("invalid environment variable name 'A=B' in --env");
    }

    @Test
    void failingDiscoveryShowsVariableReferencesNotTheirValues() throws Exception {
        String home = System.getenv("HOME");
        assertThat(home).hasSizeGreaterThan(2);
        Config config = config("echo ${HOME} >&2; exit 3 # {filters}", 60);

        assertThatThrownBy(() ->
                        new OffloadRun(config, RunOptions.defaults(), RunObserver.NONE, Clock.systemUTC()).execute())
                .isInstanceOf(RunAbortedException.class)
                .hasNoCause()
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("command: sh -c 'echo ${HOME} >&2")
                        .doesNotContain(home));
        assertThat(dir.resolve("test-results/summary.json")).content().doesNotContain(home);
        assertThat(dir.resolve("test-results/report.html")).content().doesNotContain(home);
    }

    @Test
    void discoveryThatHangsIsStoppedAfterTestTimeout() throws Exception {
        Config config = config("sleep 4713 # {filters}", 1);
        long started = System.nanoTime();

        assertThatThrownBy(() ->
                        new OffloadRun(config, RunOptions.defaults(), RunObserver.NONE, Clock.systemUTC()).execute())
                .isInstanceOf(RunAbortedException.class)
                .hasMessage("discovery for group 'all' timed out after 1s");
        assertThat(TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - started)).isLessThan(15);
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains("sleep 4713")))
                .isEmpty();
    }

    @Test
    void existingRunDirectoryIsNeverReusedAndTheNewOneIsPrivate() throws Exception {
        Path planted = Files.createDirectories(dir.resolve("offload-AbCd/py"));
        Files.writeString(planted.resolve("offload_pytest.py"), "import os; os.system('touch pwned')");

        try (RunTempDir temp = RunTempDir.create(dir, "AbCd")) {
            assertThat(temp.path()).isEqualTo(dir.resolve("offload-AbCd-1"));
            assertThat(temp.path()).isEmptyDirectory();
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(temp.path())))
                    .isEqualTo("rwx------");
        }
        assertThat(planted.resolve("offload_pytest.py")).exists(); // not ours: not deleted either
    }

    private Config config(String discover, int timeoutSecs) throws Exception {
        Path file = Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 2
                test_timeout_secs = %d

                [provider]
                type = "local"

                [framework]
                type = "default"
                discover_command = "%s"
                run_command = "true {tests}"
                test_id_format = "{name}"

                [groups.all]
                """.formatted(timeoutSecs, discover));
        var options = new LoadOptions(false, System.getenv(), Path.of("test-results"), Optional.empty(), w -> {});
        return ConfigLoader.load(file, options);
    }
}
