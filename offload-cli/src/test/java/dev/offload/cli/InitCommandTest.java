package dev.offload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.InitTemplate;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InitCommandTest {
    @TempDir
    Path dir;

    static Stream<Arguments> providerFrameworkPairs() {
        return InitTemplate.PROVIDERS.stream()
                .flatMap(p -> InitTemplate.FRAMEWORKS.stream().map(f -> Arguments.of(p, f)));
    }

    @ParameterizedTest(name = "{0} + {1}")
    @MethodSource("providerFrameworkPairs")
    void generatedFileIsAcceptedByValidate(String provider, String framework) {
        Path file = dir.resolve(provider + "-" + framework + ".toml");

        CliRun init = CliRun.of("-c", file.toString(), "init", "-p", provider, "-f", framework);
        CliRun validate = CliRun.of("-c", file.toString(), "validate", "--strict");

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).startsWith("Created " + file).contains("offload run");
        assertThat(validate.exitCode()).as(validate.err()).isZero();
        assertThat(validate.err()).isEmpty();
        assertThat(validate.out()).contains("Configuration is valid!");
    }

    @Test
    void defaultsAreLocalProviderAndPytest() throws IOException {
        Path file = dir.resolve("offload.toml");

        CliRun run = CliRun.of("init", "-c", file.toString());

        assertThat(run.exitCode()).isZero();
        assertThat(Files.readString(file)).isEqualTo(InitTemplate.render("local", "pytest"));
    }

    @Test
    void refusesToOverwriteAnExistingFile() throws IOException {
        Path file = Files.writeString(dir.resolve("offload.toml"), "# mine\n");

        CliRun run = CliRun.of("-c", file.toString(), "init");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err()).isEqualTo("error: " + file + " already exists; remove it or edit it\n");
        assertThat(Files.readString(file)).isEqualTo("# mine\n");
    }

    @Test
    void unknownProviderIsAUsageError() {
        Path file = dir.resolve("offload.toml");

        CliRun run = CliRun.of("-c", file.toString(), "init", "-p", "kubernetes");

        assertThat(run.exitCode()).isEqualTo(1);
        assertThat(run.err())
                .startsWith("Invalid value for option '--provider': 'kubernetes' (expected one of local,")
                .contains("Usage: offload init");
        assertThat(file).doesNotExist();
    }
}
