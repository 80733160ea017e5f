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

    @Test
    void ctrlCStopsTheRunWritesThePartialReportAndExitsOne() throws Exception {
        Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 2
                test_timeout_secs = 120

                [provider]
                type = "local"

                [framework]
                type = "default"
                discover_command = "printf 'a\\\\nb\\\\nc\\\\n' # {filters}"
                run_command = "for t in {tests}; do sleep 67; done"
                test_id_format = "{name}"

                [groups.all]
                retry_count = 0
                """);
        Path err = dir.resolve(".stderr");
        Process offload = new ProcessBuilder(
                        javaExecutable(), "-jar", JAR.toAbsolutePath().toString(), "run", "--ci")
                .directory(dir.toFile())
                .redirectOutput(dir.resolve(".stdout").toFile())
                .redirectError(err.toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.readString(err).contains("Sandboxes ready.") && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        Thread.sleep(500); // the batches' sleeps have started

        new ProcessBuilder("kill", "-INT", Long.toString(offload.pid())).start().waitFor();

        assertThat(offload.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(offload.exitValue()).isEqualTo(1);
        assertThat(Files.readString(dir.resolve(".stdout")))
                .contains("Not run:   3", "Tests failed: 0 failed, 3 not run, 0 errors.");
        assertThat(dir.resolve("test-results/junit.xml")).content().contains("not run: interrupted");
        assertThat(ProcessHandle.allProcesses()
                        .filter(p -> p.info().commandLine().orElse("").contains("sleep 67"))
                        .filter(ProcessHandle::isAlive))
                .isEmpty();
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
