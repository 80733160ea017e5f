package dev.offload.core.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/** {@code <java.io.tmpdir>/offload-<run id>/}, deleted when the run ends (SPEC §5.3, §17.3). */
final class RunTempDir implements AutoCloseable {
    private final Path path;

    private RunTempDir(Path path) {
        this.path = path;
    }

    static RunTempDir create(String runId) throws IOException {
        Path dir = Path.of(System.getProperty("java.io.tmpdir"), "offload-" + runId);
        return new RunTempDir(Files.createDirectories(dir));
    }

    Path path() {
        return path;
    }

    @Override
    public void close() {
        try (Stream<Path> files = Files.walk(path)) {
            files.sorted(Comparator.reverseOrder()).forEach(RunTempDir::deleteQuietly);
        } catch (IOException | UncheckedIOException e) {
            // A leftover temp directory is harmless; never fail a finished run over it.
        }
    }

    private static void deleteQuietly(Path p) {
        try {
            Files.deleteIfExists(p);
        } catch (IOException e) {
            // see close()
        }
    }
}
