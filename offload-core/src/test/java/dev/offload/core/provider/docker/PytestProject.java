package dev.offload.core.provider.docker;

import dev.offload.core.config.Config;
import java.nio.file.Files;
import java.nio.file.Path;

/** A small pytest suite with a pass, a failure and a skip, and the config to run it locally or on docker. */
final class PytestProject {
    static final String LOCAL = """
            [provider]
            type = "local"
            env = { PYTEST_DISABLE_PLUGIN_AUTOLOAD = "1" }
            """;

    private PytestProject() {}

    static String docker(String image) {
        return """
                [provider]
                type = "docker"
                image = "%s"
                include_cwd = true
                env = { PYTEST_DISABLE_PLUGIN_AUTOLOAD = "1" }
                """.formatted(image);
    }

    static void write(Path dir) throws Exception {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/test_mixed.py"), """
                import os
                import pytest

                def test_passes():
                    assert 1 + 1 == 2

                def test_fails():
                    assert "local" == "remote"

                @pytest.mark.skip(reason="not today")
                def test_skipped():
                    pass

                def test_reads_data():
                    with open(os.path.join(os.path.dirname(__file__), "data.txt")) as f:
                        assert f.read().strip() == "expected"
                """);
        Files.writeString(dir.resolve("tests/data.txt"), "expected\n");
        Files.writeString(dir.resolve(".dockerignore"), "test-results\n");
    }

    static Config config(Path dir, String provider) throws Exception {
        Path file = Files.writeString(
                dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 2
                test_timeout_secs = 60
                sandbox_repo_root = "%s"

                %s
                [framework]
                type = "pytest"
                paths = ["tests"]
                command = "python3 -m pytest"

                [groups.all]
                retry_count = 0
                """.formatted(provider.contains("docker") ? "/app" : ".", provider));
        return DockerRunTest.load(file);
    }
}
