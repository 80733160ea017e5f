package dev.offload.core.report;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The entries Offload owns inside {@code output_dir} (SPEC §4.13). Only these are ever deleted: the directory may be
 * shared with other tools' files.
 */
public final class OutputDirectory {

    /** Owned directories, deleted with their content. */
    public static final List<String> OWNED_DIRECTORIES = List.of("logs", "junit-parts", "artifacts", ".offload");

    /**
     * Directories with a common name that a user may also keep files in: only the entries Offload names {@code
     * batch-<N>...} are deleted there, then the directory if it is left empty.
     */
    private static final List<String> SHARED_NAME_DIRECTORIES = List.of("logs", "junit-parts", "artifacts");

    private static final Pattern BATCH_ENTRY = Pattern.compile("batch-\\d+(\\..*)?");

    /** Owned files besides the junit file. */
    public static final List<String> OWNED_FILES = List.of("trace.json", "summary.json", "report.html");

    private OutputDirectory() {}

    /**
     * Creates {@code outputDir} and deletes the entries of a previous run. Call it after reading durations from the old
     * junit file (SPEC §9.1). A symbolic link among the owned entries is removed itself, never followed.
     */
    public static void cleanOwned(Path outputDir, String junitFile) throws IOException {
        Files.createDirectories(outputDir);
        Path root = outputDir.toAbsolutePath().normalize();
        for (String name : OWNED_DIRECTORIES) {
            Path dir = root.resolve(name);
            if (SHARED_NAME_DIRECTORIES.contains(name) && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
                deleteBatchEntries(dir);
            } else {
                deleteTree(dir);
            }
        }
        for (String name : OWNED_FILES) {
            Files.deleteIfExists(root.resolve(name));
        }
        Path junit = root.resolve(junitFile).normalize();
        // A junit_file such as "../x.xml" would reach outside the directory: never delete there.
        if (junit.startsWith(root) && !junit.equals(root) && !Files.isDirectory(junit, LinkOption.NOFOLLOW_LINKS)) {
            Files.deleteIfExists(junit);
        }
    }

    /** Deletes what Offload wrote into {@code dir} ({@code batch-<N>...}), and {@code dir} once it is empty. */
    private static void deleteBatchEntries(Path dir) throws IOException {
        try (Stream<Path> entries = Files.list(dir)) {
            for (Path entry : entries.toList()) {
                if (BATCH_ENTRY.matcher(entry.getFileName().toString()).matches()) {
                    deleteTree(entry);
                }
            }
        }
        try (Stream<Path> left = Files.list(dir)) {
            if (left.findAny().isEmpty()) {
                Files.delete(dir);
            }
        }
    }

    private static void deleteTree(Path path) throws IOException {
        if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(path);
            return;
        }
        // walkFileTree does not follow links: a link inside logs/ is deleted, not what it points to.
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
