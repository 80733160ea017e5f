package dev.offload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The four configurations of SPEC §20 must pass {@code offload validate} exactly as written. */
class SpecAppendixConfigurationsTest {
    @TempDir
    Path dir;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "a-local-cargo.toml",
                "b-pytest-modal-default-provider.toml",
                "c-cargo-modal-provider.toml",
                "d-monorepo-package.toml"
            })
    void validatesUnchanged(String name) throws IOException {
        Path file = dir.resolve(name);
        try (InputStream in = getClass().getResourceAsStream("/spec-appendix/" + name)) {
            Files.copy(in, file);
        }

        CliRun run = CliRun.of("-c", file.toString(), "validate", "--strict");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).isEmpty();
        assertThat(run.out()).startsWith("Configuration is valid!");
    }
}
