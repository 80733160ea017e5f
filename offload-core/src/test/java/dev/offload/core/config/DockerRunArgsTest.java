package dev.offload.core.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The docker provider's {@code run_args} become create options; anything else is refused at load (SPEC §8.8). */
class DockerRunArgsTest {
    @TempDir
    Path dir;

    @Test
    void supportedOptionsBecomeCreateOptionsInEveryWrittenForm() {
        DockerRunArgs args = DockerRunArgs.parse(List.of(
                "-v",
                "/var/run/docker.sock:/var/run/docker.sock",
                "--volume=/data:/data:ro",
                "--add-host db:10.0.0.2",
                "--privileged",
                "--shm-size=2g",
                "-e",
                "MODE=docker test"));

        assertThat(args.binds()).containsExactly("/var/run/docker.sock:/var/run/docker.sock", "/data:/data:ro");
        assertThat(args.extraHosts()).containsExactly("db:10.0.0.2");
        assertThat(args.privileged()).isTrue();
        assertThat(args.shmSizeBytes()).isEqualTo(Optional.of(2L << 30));
        assertThat(args.env()).containsExactly("MODE=docker test");
    }

    @Test
    void unsupportedOptionIsAConfigErrorNamingTheOption() {
        MalformedConfigs.assertRefused(
                dir,
                "%F:7:1: provider.run_args: unsupported option '--cap-add' (supported: -v, --volume, --add-host,"
                        + " --privileged, --shm-size, -e, --env)",
                """
                [offload]
                sandbox_repo_root = "/app"

                [provider]
                type = "docker"
                image = "python:3.12"
                run_args = ["--cap-add", "SYS_ADMIN"]

                [framework]
                type = "pytest"

                [groups.all]
                retry_count = 0
                """);
    }

    @Test
    void optionWithoutItsValueIsRefused() {
        assertThatThrownBy(() -> DockerRunArgs.parse(List.of("--shm-size")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("option '--shm-size' needs a value");
        assertThatThrownBy(() -> DockerRunArgs.parse(List.of("--shm-size=lots")))
                .hasMessage("--shm-size 'lots' is not a size (e.g. 512m, 2g)");
    }
}
