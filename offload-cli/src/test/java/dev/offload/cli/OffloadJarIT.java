package dev.offload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shaded {@code offload.jar} as a user runs it: {@code java -jar offload.jar ...} in a child process. */
class OffloadJarIT {
    private static final Path JAR = Path.of(System.getProperty("offload.jar", "target/offload.jar"));

    @TempDir
    Path dir;

    @Test
    void versionComesFromTheJarManifest() throws Exception {
        Result result = run("--version");

        assertThat(result.exitCode()).isZero();
        assertThat(result.out()).isEqualTo("offload " + System.getProperty("offload.version") + "\n");
    }

    @Test
    void initThenValidateInTheWorkingDirectory() throws Exception {
        Result init = run("init");
        Result validate = run("validate");
        Result again = run("init");

        assertThat(init.exitCode()).as(init.err()).isZero();
        assertThat(init.out()).startsWith("Created offload.toml");
        assertThat(dir.resolve("offload.toml")).isRegularFile();
        assertThat(validate.exitCode()).as(validate.err()).isZero();
        assertThat(validate.out()).startsWith("Configuration is valid!");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).isEqualTo("error: offload.toml already exists; remove it or edit it\n");
    }

    @Test
    void usageErrorExitsOneNotPicocliDefaultTwo() throws Exception {
        Result result = run("validate", "--no-such-option");

        assertThat(result.exitCode()).isEqualTo(1);
        assertThat(result.err()).contains("Unknown option: '--no-such-option'").contains("Usage: offload validate");
    }

    private Result run(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(
                List.of(javaExecutable(), "-jar", JAR.toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve(".stdout");
        Path err = dir.resolve(".stderr");
        Process process = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertThat(process.waitFor(60, TimeUnit.SECONDS))
                .as("offload.jar finished")
                .isTrue();
        return new Result(
                process.exitValue(),
                Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private record Result(int exitCode, String out, String err) {}
}
