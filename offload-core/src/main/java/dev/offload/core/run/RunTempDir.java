package dev.offload.core.run;

import dev.offload.core.framework.Framework;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.Deque;
import java.util.Set;
import java.util.stream.Stream;

/** {@code <java.io.tmpdir>/offload-<run id>/}, deleted when the run ends (SPEC §5.3, §17.3). */
final class RunTempDir implements AutoCloseable {
    private static final int MAX_ATTEMPTS = 100;
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rwx------");

    private final Path path;
    /** Helpers living in the directory, stopped before it is deleted (last started, first stopped). */
    private final Deque<Framework.LocalHelper> helpers = new ArrayDeque<>();

    private RunTempDir(Path path) {
        this.path = path;
    }

    /**
     * Creates the directory exclusively, readable by this user only: a directory that already exists (another user may
     * have planted files there, e.g. a {@code py/offload_pytest.py} first on {@code PYTHONPATH}) is never reused; the
     * next free name {@code offload-<run id>-<n>} is taken instead.
     */
    static RunTempDir create(String runId) throws IOException {
        return create(Path.of(System.getProperty("java.io.tmpdir")), runId);
    }

    static RunTempDir create(Path parent, String runId) throws IOException {
        Files.createDirectories(parent);
        for (int attempt = 0; attempt < MAX_ATTEMPTS; attempt++) {
            Path dir = parent.resolve("offload-" + runId + (attempt == 0 ? "" : "-" + attempt));
            try {
                return new RunTempDir(createPrivate(dir));
            } catch (FileAlreadyExistsException taken) {
                // someone else's (or a crashed run's): try the next name
            }
        }
        throw new IOException("cannot create a private run directory offload-" + runId + "-* in " + parent + ": "
                + MAX_ATTEMPTS + " names are taken");
    }

    private static Path createPrivate(Path dir) throws IOException {
        try {
            return Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException notPosix) {
            return Files.createDirectory(dir);
        }
    }

    Path path() {
        return path;
    }

    /** Stops {@code helper} when the run ends, before the directory is deleted. */
    void closeFirst(Framework.LocalHelper helper) {
        helpers.push(helper);
    }

    @Override
    public void close() {
        while (!helpers.isEmpty()) {
            helpers.pop().close();
        }
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
