package dev.offload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ValidateCommandTest {
    private static final String VALID = """
            [offload]
            max_parallel = 3
            test_timeout_secs = 120

            [provider]
            type = "local"

            [framework]
            type = "pytest"
            paths = ["tests"]

            [groups.unit]
            retry_count = 1
            """;

    @TempDir
    Path dir;

    @Test
    void validFileExitsZeroAndPrintsTheSummaryOnStdout() throws IOException {
        Path file = write("offload.toml", VALID);

        CliRun run = CliRun.of("-c", file.toString(), "validate");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .startsWith("Configuration is valid!")
                .contains("Settings:")
                .contains("Groups:")
                .contains("  unit: retry_count = 1");
        assertThat(run.err()).isEmpty();
    }

    @Test
    void configOptionIsAlsoAcceptedAfterTheSubcommand() throws IOException {
        Path file = write("elsewhere.toml", VALID);

        CliRun run = CliRun.of("validate", "--config", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Configuration is valid!");
    }

    @Test
    void invalidFileExitsOneWithTheLocatedMessageOnStderr() throws IOException {
        Path file = write("offload.toml", VALID.replace("max_parallel = 3", "max_parallel = \"three\""));

        CliRun run = CliRun.of("-c", file.toString(), "validate");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("Configuration error: " + file + ":2:1: ")
                .contains("offload.max_parallel: expected integer, found string")
                .doesNotContain("\tat ");
        assertThat(run.err().lines()).hasSize(1);
    }

    @Test
    void missingFileIsAnErrorNamingThePath() {
        Path file = dir.resolve("absent.toml");

        CliRun run = CliRun.of("-c", file.toString(), "validate");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("Configuration error: ")
                .contains(file.toAbsolutePath().toString());
    }

    @Test
    void misspelledKeyWarnsWithSuggestionAndStillValidates() throws IOException {
        Path file = write("offload.toml", VALID.replace("retry_count = 1", "retry_cont = 2"));

        CliRun run = CliRun.of("-c", file.toString(), "validate");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Configuration is valid!");
        assertThat(run.err())
                .contains("warning: unknown key 'groups.unit.retry_cont' (did you mean 'groups.unit.retry_count'?)");
    }

    @Test
    void misspelledKeyFailsInStrictMode() throws IOException {
        Path file = write("offload.toml", VALID.replace("retry_count = 1", "retry_cont = 2"));

        CliRun run = CliRun.of("-c", file.toString(), "validate", "--strict");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.out()).isEmpty();
        assertThat(run.err())
                .startsWith("Configuration error: ")
                .contains("unknown key 'groups.unit.retry_cont' (did you mean 'groups.unit.retry_count'?)");
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
