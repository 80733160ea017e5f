package dev.offload.core.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** Test helpers: copy fixture projects, run a batch script the way a local sandbox does ({@code sh -c}). */
final class TestProcesses {
    private TestProcesses() {}

    record Ran(int exitStatus, String output) {}

    /** Copies the fixture directory {@code name} (next to this class on the test classpath) into {@code target}. */
    static Path copyFixture(String name, Path target) {
        try {
            Path source = Path.of(TestProcesses.class.getResource(name).toURI());
            try (Stream<Path> files = Files.walk(source)) {
                for (Path file : files.toList()) {
                    Path copy = target.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(copy);
                    } else {
                        Files.copy(file, copy);
                    }
                }
            }
            return target;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Runs {@code command}'s script with {@code sh -c} in {@code root} (or its working subdirectory). */
    static Ran runBatch(BatchCommand command, Path root) throws IOException, InterruptedException {
        Path dir = command.workingSubdir().map(root::resolve).orElse(root);
        ProcessBuilder builder = new ProcessBuilder("sh", "-c", command.script())
                .directory(dir.toFile())
                .redirectErrorStream(true);
        builder.environment().putAll(command.env());
        Process process = builder.start();
        process.getOutputStream().close();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Ran(process.exitValue(), output);
    }
}
