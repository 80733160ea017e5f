package dev.offload.core.framework;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Stages the junit class path for sandboxes that do not share this filesystem (SPEC §7.3): every entry becomes one
 * file in a single directory, jars copied and class directories packed as jars, each named {@code <content hash>-<name>}
 * so that two different jars with the same file name both survive and the same content listed twice is shipped once.
 * Names are plain ({@code [A-Za-z0-9._-]}), so the sandbox-side class path needs no quoting and never contains the
 * path separator; the original order is kept. Entries that do not exist are skipped, as the JVM skips them.
 */
public final class ClasspathStaging {
    /** Beside the staged directory: one {@code <staged name>\t<original path>} line per entry, in class path order. */
    public static final String INDEX_SUFFIX = ".index";

    private static final int HASH_CHARS = 16;
    /** A fixed entry time makes a packed directory's bytes (and so its hash) depend on its content only. */
    private static final long ENTRY_TIME = 946_684_800_000L; // 2000-01-01

    private ClasspathStaging() {}

    /**
     * @param names staged file names, in class path order, each once
     * @param bytes their total size
     */
    public record Staged(Path dir, List<String> names, long bytes) {
        public Staged {
            names = List.copyOf(names);
        }
    }

    /**
     * Stages {@code entries} into {@code dir}, which is created and must not exist yet or be empty.
     *
     * @throws IOException naming the entry that could not be read
     */
    public static Staged stage(List<Path> entries, Path dir) throws IOException {
        Files.createDirectories(dir);
        Set<String> names = new LinkedHashSet<>();
        StringBuilder index = new StringBuilder();
        long bytes = 0;
        for (Path entry : entries) {
            Path staged;
            try {
                if (Files.isDirectory(entry)) {
                    staged = packDirectory(entry, dir);
                } else if (Files.isRegularFile(entry)) {
                    staged = copyFile(entry, dir);
                } else {
                    continue;
                }
            } catch (IOException e) {
                throw new IOException("cannot stage class path entry " + entry + ": " + e.getMessage(), e);
            } catch (UncheckedIOException e) { // from the directory walk: a link loop, an unreadable directory
                throw new IOException(
                        "cannot stage class path entry " + entry + ": "
                                + e.getCause().getMessage(),
                        e.getCause());
            }
            String name = staged.getFileName().toString();
            if (names.add(name)) {
                bytes += Files.size(staged);
                index.append(name).append('\t').append(entry).append('\n');
            }
        }
        Path indexFile = dir.resolveSibling(dir.getFileName() + INDEX_SUFFIX);
        Files.writeString(indexFile, index, StandardCharsets.UTF_8);
        return new Staged(dir, new ArrayList<>(names), bytes);
    }

    /** Copies a file while hashing it, then gives it its content-addressed name (an existing one is the same). */
    private static Path copyFile(Path file, Path dir) throws IOException {
        MessageDigest digest = sha256();
        Path temp = Files.createTempFile(dir, ".staging-", ".tmp");
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
            return settle(temp, digest, file.getFileName().toString());
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    /** Packs a class directory as a jar: sorted entries with fixed times, so equal content gives equal bytes. */
    private static Path packDirectory(Path root, Path dir) throws IOException {
        MessageDigest digest = sha256();
        Path temp = Files.createTempFile(dir, ".staging-", ".tmp");
        try {
            List<Path> paths;
            try (Stream<Path> walk = Files.walk(root, FileVisitOption.FOLLOW_LINKS)) {
                paths = walk.filter(p -> !p.equals(root))
                        .sorted((a, b) -> entryName(root, a).compareTo(entryName(root, b)))
                        .toList();
            }
            try (OutputStream file = Files.newOutputStream(temp);
                    var zip = new ZipOutputStream(new DigestOutputStream(file, digest))) {
                for (Path path : paths) {
                    boolean directory = Files.isDirectory(path);
                    ZipEntry entry = new ZipEntry(entryName(root, path) + (directory ? "/" : ""));
                    entry.setTime(ENTRY_TIME);
                    zip.putNextEntry(entry);
                    if (!directory) {
                        Files.copy(path, zip);
                    }
                    zip.closeEntry();
                }
            }
            String base =
                    root.getFileName() == null ? "classes" : root.getFileName().toString();
            return settle(temp, digest, base + ".jar");
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    private static String entryName(Path root, Path path) {
        return root.relativize(path).toString().replace(path.getFileSystem().getSeparator(), "/");
    }

    private static Path settle(Path temp, MessageDigest digest, String originalName) throws IOException {
        String hash = HexFormat.of().formatHex(digest.digest()).substring(0, HASH_CHARS);
        Path target = temp.resolveSibling(hash + "-" + plainName(originalName));
        if (!Files.exists(target)) {
            Files.move(temp, target);
        }
        return target;
    }

    /** Anything outside {@code [A-Za-z0-9._-]} (spaces, the path separator, quotes) becomes {@code _}. */
    static String plainName(String name) {
        String plain = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return plain.startsWith(".") ? "_" + plain.substring(1) : plain;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
