package dev.offload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class MainTest {
    @Test
    void unknownOptionExitsOneWithMessageAndUsage() {
        CliRun run = CliRun.of("--frobnicate", "validate");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).startsWith("Unknown option: '--frobnicate'").contains("Usage: offload");
    }

    @Test
    void unknownSubcommandOptionExitsOneWithThatCommandsUsage() {
        CliRun run = CliRun.of("validate", "--strcit");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Unknown option: '--strcit'").contains("Usage: offload validate");
    }

    @Test
    void missingSubcommandExitsOneWithUsage() {
        CliRun run = CliRun.of();

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).contains("Missing required subcommand").contains("Usage: offload");
    }

    @Test
    void helpListsTheCommandsOnStdout() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).contains("validate").contains("init").contains("-c, --config=PATH");
    }

    @Test
    void helpSubcommandShowsACommandsOptions() {
        CliRun run = CliRun.of("help", "init");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out())
                .contains("Usage: offload init")
                .contains("--provider")
                .contains("--framework");
    }

    @Test
    void versionPrintsTheProgramName() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        // From classes the manifest is absent; OffloadJarIT checks the real version in the built jar.
        assertThat(run.out()).matches("offload \\S+\\R");
    }
}
