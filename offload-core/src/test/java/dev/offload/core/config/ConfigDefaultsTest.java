package dev.offload.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.FrameworkConfig.Junit.Granularity;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every documented default (SPEC §4.5-§4.11) and every key read from the file. */
class ConfigDefaultsTest {
    @TempDir
    Path dir;

    private ConfigFixture fixture;

    @org.junit.jupiter.api.BeforeEach
    void setUp() {
        fixture = new ConfigFixture(dir);
        fixture.strict = true; // every key below must be known to the schema
    }

    @Test
    void minimalFileGetsEveryDefault() throws Exception {
        Config config = fixture.load(ConfigFixture.MINIMAL);

        assertThat(config.file()).isEqualTo(dir.resolve("offload.toml"));
        assertThat(config.configDir()).isEqualTo(dir);
        assertThat(config.offload())
                .isEqualTo(new OffloadSettings(
                        10, 900, Optional.empty(), ".", ".", Optional.empty(), Optional.empty(), true, 0));
        assertThat(config.provider()).isEqualTo(new ProviderConfig.Local(Optional.empty(), Map.of(), "/bin/sh"));
        assertThat(config.framework())
                .isEqualTo(
                        new FrameworkConfig.Pytest(Optional.empty(), "python -m pytest", Optional.empty(), "{name}"));
        assertThat(config.groups()).containsExactly(new GroupConfig("all", 0, "", false));
        assertThat(config.report())
                .isEqualTo(new ReportConfig(
                        dir.resolve("test-results"), true, "junit.xml", List.of(), false, Optional.empty(), true));
        assertThat(config.history()).isEmpty();
        assertThat(config.checkpoint()).isEmpty();
    }

    @Test
    void everyOffloadReportHistoryAndGroupKeyIsRead() throws Exception {
        Config config = fixture.load("""
                [offload]
                max_parallel = 3
                test_timeout_secs = 60
                working_dir = "work"
                sandbox_project_root = "/app/sub"
                sandbox_init_cmd = "make init"
                post_patch_cmd = "make gen"
                impatiently_requeue_batches = false
                max_parallel_collection = 2

                [provider]
                type = "local"
                working_dir = "run"
                env = { A = "1", B = "two" }
                shell = "/bin/bash"

                [framework]
                type = "pytest"
                paths = ["tests", "/abs/tests"]
                command = "uv run pytest"
                run_args = "-x"
                test_id_format = "{classname}::{name}"

                [groups.zeta]
                retry_count = 2
                filters = "-m slow"
                schedule_individual = true

                [groups.alpha]

                [report]
                output_dir = "out/reports"
                junit = false
                junit_file = "all.xml"
                download_globs = ["**/*.log"]
                download_globs_failure_only = true
                cost_per_core_hour = 1
                html = false

                [history]
                record_history = "always"
                path = "hist/h.jsonl"
                reservoir_size = 5
                default_duration_secs = 2
                """);

        assertThat(config.offload())
                .isEqualTo(new OffloadSettings(
                        3,
                        60,
                        Optional.of(dir.resolve("work").toString()),
                        "/app/sub",
                        "/app/sub",
                        Optional.of("make init"),
                        Optional.of("make gen"),
                        false,
                        2));
        assertThat(config.provider())
                .isEqualTo(new ProviderConfig.Local(
                        Optional.of(dir.resolve("run").toString()), Map.of("A", "1", "B", "two"), "/bin/bash"));
        assertThat(config.framework())
                .isEqualTo(new FrameworkConfig.Pytest(
                        Optional.of(List.of(dir.resolve("tests").toString(), "/abs/tests")),
                        "uv run pytest",
                        Optional.of("-x"),
                        "{classname}::{name}"));
        assertThat(config.groups())
                .containsExactly(new GroupConfig("zeta", 2, "-m slow", true), new GroupConfig("alpha", 0, "", false));
        assertThat(config.report())
                .isEqualTo(new ReportConfig(
                        dir.resolve("out/reports"),
                        false,
                        "all.xml",
                        List.of("**/*.log"),
                        true,
                        Optional.of(1.0),
                        false));
        assertThat(config.history())
                .contains(new HistoryConfig(HistoryConfig.RecordMode.ALWAYS, dir.resolve("hist/h.jsonl"), 5, 2.0));
    }

    @Test
    void historyTableAloneGetsItsDefaults() throws Exception {
        Config config = fixture.load(ConfigFixture.MINIMAL + "[history]\n");

        assertThat(config.history())
                .contains(new HistoryConfig(
                        HistoryConfig.RecordMode.FLAG, dir.resolve("offload-history.jsonl"), 20, 1.0));
    }

    @Test
    void defaultFrameworkKeys() throws Exception {
        Config config = fixture.load("""
                [offload]
                [provider]
                type = "local"
                [framework]
                type = "default"
                discover_command = "./list {filters}"
                run_command = "./run {tests} --out {result_file}"
                result_file = "out.xml"
                working_dir = "sub"
                test_id_format = "{classname}.{name}"
                [groups.all]
                """);

        assertThat(config.framework())
                .isEqualTo(new FrameworkConfig.Default(
                        "./list {filters}",
                        "./run {tests} --out {result_file}",
                        Optional.of("out.xml"),
                        Optional.of("sub"),
                        "{classname}.{name}"));
    }

    @Test
    void junitFrameworkKeysAndDefaults() throws Exception {
        fixture.junitPathsFromBuild = true;
        Config defaults = fixture.load("""
                [offload]
                [provider]
                type = "local"
                [framework]
                type = "junit"
                [groups.all]
                """);
        assertThat(defaults.framework())
                .isEqualTo(new FrameworkConfig.Junit(
                        Optional.empty(), Optional.empty(), "java", "", Optional.empty(), Granularity.CLASS));

        Config full = fixture.load("""
                [offload]
                [provider]
                type = "local"
                [framework]
                type = "junit"
                classpath = ["target/test-classes", "lib/*.jar"]
                test_dirs = ["target/test-classes"]
                java = "/opt/jdk/bin/java"
                jvm_args = "-Xmx1g"
                sandbox_classpath = "/app/cp/*"
                granularity = "method"
                [groups.all]
                """);
        assertThat(full.framework())
                .isEqualTo(new FrameworkConfig.Junit(
                        Optional.of(List.of(
                                dir.resolve("target/test-classes").toString(),
                                dir.resolve("lib/*.jar").toString())),
                        Optional.of(List.of(dir.resolve("target/test-classes").toString())),
                        "/opt/jdk/bin/java",
                        "-Xmx1g",
                        Optional.of("/app/cp/*"),
                        Granularity.METHOD));
    }

    @Test
    void checkpointBuildInputsResolveAgainstConfigDirectory() throws Exception {
        Config config = fixture.load("""
                [offload]
                sandbox_repo_root = "/app"
                [provider]
                type = "modal"
                [framework]
                type = "pytest"
                [groups.all]
                [checkpoint]
                build_inputs = ["Dockerfile", "./uv.lock"]
                """);

        assertThat(config.checkpoint())
                .contains(new CheckpointConfig(List.of(
                        dir.resolve("Dockerfile").toString(),
                        dir.resolve("uv.lock").toString())));
    }

    @Test
    void explicitOutputDirWinsOverFrontDoorDefault() throws Exception {
        Config config = fixture.load(ConfigFixture.MINIMAL + "[report]\noutput_dir = \"/tmp/offload-out\"\n");

        assertThat(config.report().outputDir()).isEqualTo(Path.of("/tmp/offload-out"));
        assertThat(config.report().junitPath()).isEqualTo(Path.of("/tmp/offload-out/junit.xml"));
    }

    @Test
    void relativeConfigPathResolvesAgainstItsOwnDirectory() throws Exception {
        Path nested = dir.resolve("conf");
        java.nio.file.Files.createDirectories(nested);
        java.nio.file.Files.writeString(nested.resolve("offload.toml"), ConfigFixture.MINIMAL);
        Path relative = Path.of("").toAbsolutePath().relativize(nested.resolve("offload.toml"));

        Config config = ConfigLoader.load(
                relative, new LoadOptions(false, Map.of(), Path.of("test-results"), Optional.empty(), w -> {}));

        assertThat(config.configDir()).isEqualTo(nested);
        assertThat(config.report().outputDir()).isEqualTo(nested.resolve("test-results"));
    }

    @Test
    void missingFileNamesTheAbsolutePath() {
        org.assertj.core.api.Assertions.assertThatThrownBy(
                        () -> ConfigLoader.load(dir.resolve("nope.toml"), LoadOptions.cli(false)))
                .isInstanceOf(ConfigException.class)
                .hasMessage("configuration file not found: " + dir.resolve("nope.toml"));
    }
}
