package dev.offload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code offload run}, {@code collect} and {@code logs} end to end: real pytest, local provider, exit codes 0/1/2. */
class RunCommandTest {
    @TempDir
    Path dir;

    @BeforeAll
    static void requirePytest() {
        PytestAvailability.require();
    }

    @Test
    void passingSuiteExitsZeroAndWritesTheReports() throws IOException {
        Path config = project("def test_a():\n    pass\n\ndef test_b():\n    pass\n");

        CliRun run = CliRun.of("-c", config.toString(), "run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.out()).contains("Total:     2", "All tests passed.");
        assertThat(dir.resolve("test-results/junit.xml")).content().contains("tests=\"2\"");
        assertThat(dir.resolve("test-results/summary.json")).content().contains("\"outcome\" : \"pass\"");
        assertThat(run.err()).contains("[discover] finished: test discovery [2 tests across 1 groups");
    }

    @Test
    void failingTestExitsOneAndNamesTheTest() throws IOException {
        Path config = project("def test_ok():\n    pass\n\ndef test_broken():\n    assert 1 == 2\n");

        CliRun run = CliRun.of("-c", config.toString(), "run");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("tests/test_x.py::test_broken", "Tests failed: 1 failed, 0 not run, 0 errors.");
    }

    @Test
    void flakyOnlyRunExitsTwoOrOneWithFailOnFlaky() throws IOException {
        Path config = project(FLAKY);

        assertThat(CliRun.of("-c", config.toString(), "run").exitCode()).isEqualTo(2);
        CliRun strict = CliRun.of("-c", config.toString(), "run", "--fail-on-flaky");
        assertThat(strict.exitCode()).isEqualTo(1);
        assertThat(strict.out()).contains("All tests passed (1 flaky).");

        CliRun logs = CliRun.of("-c", config.toString(), "logs", "--flaky");
        assertThat(logs.exitCode()).isZero();
        assertThat(logs.out()).contains("=== tests/test_x.py::test_flaky [FLAKY] ===");
    }

    @Test
    void collectOnlyPrintsIdsAndStartsNoSandbox() throws IOException {
        Path config = project("def test_a():\n    pass\n");

        CliRun run = CliRun.of("-c", config.toString(), "run", "--collect-only");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("Discovered 1 tests across 1 groups:", "  tests/test_x.py::test_a");
        assertThat(run.err()).doesNotContain("Creating");
        assertThat(dir.resolve("test-results/junit.xml")).doesNotExist();
    }

    @Test
    void collectJsonListsEveryTestWithItsGroup() throws IOException {
        Path config = project("def test_a():\n    pass\n");

        CliRun run = CliRun.of("-c", config.toString(), "collect", "-f", "json");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("\"id\" : \"tests/test_x.py::test_a\"", "\"name\" : \"test_a\"", "\"group\" : \"all\"");
    }

    @Test
    void estimatedCostUsesTheConfiguredPrice() throws IOException {
        Path config = project("def test_a():\n    pass\n");
        Files.writeString(config, Files.readString(config) + "\n[report]\ncost_per_core_hour = 3600.0\n");

        CliRun run = CliRun.of("-c", config.toString(), "run", "--show-estimated-cost");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).containsPattern("Estimated cost: \\$\\d+\\.\\d{4} \\(\\d+\\.\\d core-seconds\\)");
        assertThat(dir.resolve("test-results/summary.json")).content().doesNotContain("\"estimated_cost_usd\" : null");
    }

    @Test
    void runWhoseJunitReportCannotBeWrittenFailsInsteadOfPassingWithoutAReport() throws IOException {
        Path config = project("def test_a():\n    pass\n");
        Files.createDirectories(dir.resolve("test-results/junit.xml/blocker"));

        CliRun run = CliRun.of("-c", config.toString(), "run");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).contains("could not write").doesNotContain("All tests passed.");
        assertThat(dir.resolve("test-results/summary.json")).content().contains("\"outcome\" : \"error\"");
    }

    @Test
    void badShardIsAOneLineErrorWithExitOne() throws IOException {
        Path config = project("def test_a():\n    pass\n");

        CliRun run = CliRun.of("-c", config.toString(), "run", "--shard", "3/2");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("error: shard \"3/2\" is out of range").doesNotContain("Exception");
    }

    @Test
    void missingShellIsAOneLineErrorBeforeAnyBatchRuns() throws IOException {
        Path config = project("def test_a():\n    pass\n");
        Files.writeString(
                config,
                Files.readString(config).replace("type = \"local\"", "type = \"local\"\nshell = \"/bin/nosuchsh\""));

        CliRun run = CliRun.of("-c", config.toString(), "run");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("error: provider.shell '/bin/nosuchsh' not found; set [provider] shell to an installed shell")
                .doesNotContain("Exception", "batch");
    }

    @Test
    void missingWorkingDirectoryIsAOneLineErrorBeforeAnyBatchRuns() throws IOException {
        Path config = project("def test_a():\n    pass\n");
        Files.writeString(
                config,
                Files.readString(config).replace("type = \"local\"", "type = \"local\"\nworking_dir = \"gone\""));

        CliRun run = CliRun.of("-c", config.toString(), "run");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .contains("error: provider.working_dir '" + dir.resolve("gone")
                        + "' is not a directory; create it or set [provider] working_dir to an existing directory")
                .doesNotContain("Exception", "batch");
    }

    @Test
    void envWithoutEqualsIsAUsageError() throws IOException {
        Path config = project("def test_a():\n    pass\n");

        CliRun run = CliRun.of("-c", config.toString(), "run", "--env", "NOPE");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("invalid --env 'NOPE' (expected KEY=VALUE)", "Usage:");
    }

    @Test
    void logsWithoutAReportSaysToRunFirst() throws IOException {
        Path config = project("def test_a():\n    pass\n");

        CliRun run = CliRun.of("-c", config.toString(), "logs");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("No test results found at", "Run 'offload run' first.");
    }

    private static final String FLAKY = """
            import os, pathlib, tempfile

            def test_flaky():
                marker = pathlib.Path(tempfile.gettempdir()) / ("cli-flaky-" + os.environ["OFFLOAD_RUN_ID"])
                if not marker.exists():
                    marker.write_text("x")
                    assert False, "first attempt fails"
                marker.unlink()
            """;

    private Path project(String testFile) throws IOException {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/test_x.py"), testFile);
        return Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 2
                test_timeout_secs = 60

                [provider]
                type = "local"

                [framework]
                type = "pytest"
                paths = ["tests"]
                command = "python3 -m pytest"

                [groups.all]
                retry_count = 1
                """);
    }
}
