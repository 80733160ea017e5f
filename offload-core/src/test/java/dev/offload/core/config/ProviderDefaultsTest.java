package dev.offload.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.ProviderConfig.CopyDir;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every key and default of each {@code [provider]} type other than local (SPEC §4.6), read in strict mode. */
class ProviderDefaultsTest {
    @TempDir
    Path dir;

    private ConfigFixture fixture;

    @BeforeEach
    void setUp() {
        fixture = new ConfigFixture(dir);
        fixture.strict = true; // every key below must be known to the schema
    }

    @Test
    void defaultProviderKeysAndDefaults() throws Exception {
        Config config = fixture.load("""
                [offload]
                sandbox_repo_root = "/app"
                [provider]
                type = "default"
                create_command = "mk"
                exec_command = "ex {command}"
                destroy_command = "rm {sandbox_id}"
                [framework]
                type = "nextest"
                [groups.all]
                """);

        assertThat(config.offload().sandboxProjectRoot()).isEqualTo("/app");
        assertThat(config.provider())
                .isEqualTo(new ProviderConfig.Default(
                        Optional.empty(),
                        "mk",
                        "ex {command}",
                        "rm {sandbox_id}",
                        Optional.empty(),
                        Optional.empty(),
                        3600,
                        List.of(),
                        Map.of(),
                        1.0));
        assertThat(config.framework())
                .isEqualTo(new FrameworkConfig.Nextest(
                        Optional.empty(), List.of(), Optional.empty(), false, "{classname} {name}"));
    }

    @Test
    void defaultProviderEveryKeyAndBundledScriptReference() throws Exception {
        Config config = fixture.load("""
                [offload]
                sandbox_repo_root = "/app"
                [provider]
                type = "default"
                prepare_command = "@docker_sandbox.sh prepare"
                create_command = "sh @docker_sandbox.sh create {image_id}"
                exec_command = "@docker_sandbox.sh exec {sandbox_id} {command}"
                destroy_command = "@docker_sandbox.sh destroy {sandbox_id}"
                download_command = "x@docker_sandbox.sh download {sandbox_id} {paths}"
                working_dir = "ops"
                timeout_secs = 30
                copy_dirs = ["data:/data", "c:d:e"]
                env = { K = "v" }
                cpu_cores = 2
                [framework]
                type = "nextest"
                package = "core"
                features = ["a", "b"]
                bin = "main"
                include_ignored = true
                test_id_format = "{name}"
                [groups.all]
                """);

        String script =
                dir.resolve("test-results/.offload/scripts/docker_sandbox.sh").toString();
        assertThat(config.provider())
                .isEqualTo(new ProviderConfig.Default(
                        Optional.of(script + " prepare"),
                        "sh " + script + " create {image_id}",
                        script + " exec {sandbox_id} {command}",
                        script + " destroy {sandbox_id}",
                        Optional.of("x@docker_sandbox.sh download {sandbox_id} {paths}"),
                        Optional.of(dir.resolve("ops").toString()),
                        30,
                        List.of(
                                new CopyDir(dir.resolve("data").toString(), "/data"),
                                new CopyDir(dir.resolve("c").toString(), "d:e")),
                        Map.of("K", "v"),
                        2.0));
        assertThat(config.framework())
                .isEqualTo(new FrameworkConfig.Nextest(
                        Optional.of("core"), List.of("a", "b"), Optional.of("main"), true, "{name}"));
    }

    @Test
    void modalProviderAndVitestFramework() throws Exception {
        Config config = fixture.load("""
                [offload]
                sandbox_project_root = "/w"
                [provider]
                type = "modal"
                dockerfile = ".devcontainer/Dockerfile"
                include_cwd = true
                copy_dirs = ["./a:/a"]
                env = { X = "y" }
                cpu_cores = 0.5
                memory_gb = 1
                experimental_options = { gpu = "T4", ports = [1, 2], nested = { on = true } }
                [framework]
                type = "vitest"
                run_args = "--bail 1"
                [groups.all]
                """);

        assertThat(config.offload().sandboxRepoRoot()).isEqualTo("/w");
        assertThat(config.provider())
                .isEqualTo(new ProviderConfig.Modal(
                        Optional.of(dir.resolve(".devcontainer/Dockerfile").toString()),
                        true,
                        List.of(new CopyDir(dir.resolve("a").toString(), "/a")),
                        Map.of("X", "y"),
                        0.5,
                        Optional.of(1.0),
                        Map.of("gpu", "T4", "ports", List.of(1L, 2L), "nested", Map.of("on", true))));
        assertThat(config.framework())
                .isEqualTo(new FrameworkConfig.Vitest("npx vitest", Optional.of("--bail 1"), "{classname} > {name}"));
    }

    @Test
    void modalDefaults() throws Exception {
        Config config = fixture.load("""
                [offload]
                sandbox_repo_root = "/app"
                [provider]
                type = "modal"
                [framework]
                type = "pytest"
                [groups.all]
                """);

        assertThat(config.provider())
                .isEqualTo(new ProviderConfig.Modal(
                        Optional.empty(), false, List.of(), Map.of(), 0.125, Optional.empty(), Map.of()));
    }

    @Test
    void dockerProviderKeysAndDefaults() throws Exception {
        fixture.environment = Map.of("DOCKER_HOST", "unix:///run/podman.sock");
        Config defaults = fixture.load("""
                [offload]
                sandbox_repo_root = "/app"
                [provider]
                type = "docker"
                image = "python:3.11"
                [framework]
                type = "pytest"
                [groups.all]
                """);
        assertThat(defaults.provider())
                .isEqualTo(new ProviderConfig.Docker(
                        Optional.of("python:3.11"),
                        Optional.empty(),
                        false,
                        List.of(),
                        1.0,
                        Optional.empty(),
                        "none",
                        Map.of(),
                        List.of(),
                        Optional.of("unix:///run/podman.sock")));

        Config full = fixture.load("""
                [offload]
                sandbox_repo_root = "/app"
                [provider]
                type = "docker"
                dockerfile = "Dockerfile"
                include_cwd = true
                copy_dirs = ["x:/x"]
                cpu_cores = 1.5
                memory_gb = 0.5
                network = "bridge"
                env = { E = "1" }
                run_args = ["-v", "/var/run/docker.sock:/var/run/docker.sock"]
                docker_host = "tcp://127.0.0.1:2375"
                [framework]
                type = "pytest"
                [groups.all]
                """);
        assertThat(full.provider())
                .isEqualTo(new ProviderConfig.Docker(
                        Optional.empty(),
                        Optional.of(dir.resolve("Dockerfile").toString()),
                        true,
                        List.of(new CopyDir(dir.resolve("x").toString(), "/x")),
                        1.5,
                        Optional.of(0.5),
                        "bridge",
                        Map.of("E", "1"),
                        List.of("-v", "/var/run/docker.sock:/var/run/docker.sock"),
                        Optional.of("tcp://127.0.0.1:2375")));
    }

    @Test
    void sshProviderKeysAndDefaults() throws Exception {
        Config defaults = fixture.load("""
                [offload]
                sandbox_repo_root = "/app"
                [provider]
                type = "ssh"
                hosts = ["ci@h1:2222", "h2"]
                [framework]
                type = "pytest"
                [groups.all]
                """);
        assertThat(defaults.provider())
                .isEqualTo(new ProviderConfig.Ssh(
                        List.of("ci@h1:2222", "h2"),
                        1,
                        Optional.empty(),
                        List.of(),
                        "/tmp/offload",
                        List.of(),
                        Map.of(),
                        1.0));

        Config full = fixture.load("""
                [offload]
                sandbox_repo_root = "/app"
                [provider]
                type = "ssh"
                hosts = ["h"]
                slots_per_host = 4
                identity_file = "~/.ssh/ci"
                ssh_options = ["StrictHostKeyChecking=no"]
                remote_dir = "/srv/offload"
                copy_dirs = ["cache:/opt/cache"]
                env = { P = "q" }
                cpu_cores = 8
                [framework]
                type = "pytest"
                [groups.all]
                """);
        assertThat(full.provider())
                .isEqualTo(new ProviderConfig.Ssh(
                        List.of("h"),
                        4,
                        Optional.of("~/.ssh/ci"),
                        List.of("StrictHostKeyChecking=no"),
                        "/srv/offload",
                        List.of(new CopyDir(dir.resolve("cache").toString(), "/opt/cache")),
                        Map.of("P", "q"),
                        8.0));
    }
}
