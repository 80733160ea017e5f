package dev.offload.core.provider;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * The one place tar archives that came out of a sandbox are extracted (artifacts, SPEC §11.8; container copies, §8.8).
 * A sandbox is not trusted: entries with absolute paths or {@code ..} components, links, and anything but regular files
 * and directories are refused, and nothing is ever written outside the target. Artifacts skip a refused entry with a
 * warning ({@link #extractTar(InputStream, Path, Consumer)}); a copy that must arrive whole fails on the first one
 * ({@link #extractTarOrFail}).
 */
public final class SafeArchive {
    private SafeArchive() {}

    /** What happens to a refused entry: a warning (and the entry is skipped) or an exception. */
    @FunctionalInterface
    private interface Refusals {
        void refused(String message) throws IOException;
    }

    /** Extracts a gzip-compressed tar file; returns the relative paths of the files written. */
    public static List<Path> extractTarGz(Path archive, Path target, Consumer<String> warnings) throws IOException {
        try (InputStream in = new BufferedInputStream(Files.newInputStream(archive));
                InputStream gz = new GzipCompressorInputStream(in)) {
            return extractTar(gz, target, warnings);
        }
    }

    /** Extracts an uncompressed tar stream, skipping refused entries; returns the relative paths of files written. */
    public static List<Path> extractTar(InputStream tar, Path target, Consumer<String> warnings) throws IOException {
        return extract(tar, target, warnings::accept);
    }

    /**
     * Extracts an uncompressed tar stream; returns the relative paths of the files written.
     *
     * @throws IOException {@code refused archive entry '<name>': <reason>} for the first refused entry
     */
    public static List<Path> extractTarOrFail(InputStream tar, Path target) throws IOException {
        return extract(tar, target, message -> {
            throw new IOException(message);
        });
    }

    /**
     * Writes the first entry of a single-file copy (the Engine API's archive of one path) to {@code target}, through a
     * temp file beside it so that a reader never sees half a file. The entry's own name is not used.
     *
     * @throws IOException when the archive holds no regular file first ({@code remote} is a directory or a link)
     */
    public static void extractSingleFile(InputStream tar, Path target, String remote) throws IOException {
        try (var in = new TarArchiveInputStream(tar)) {
            TarArchiveEntry entry = in.getNextEntry();
            if (entry == null || !isRegularFile(entry)) {
                throw new IOException(remote + " is not a regular file");
            }
            Path parent = target.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path temp = Files.createTempFile(parent, ".download-", ".tmp");
            try {
                Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(temp);
            }
        }
    }

    private static List<Path> extract(InputStream tar, Path target, Refusals refusals) throws IOException {
        Path root = target.toAbsolutePath().normalize();
        Files.createDirectories(root);
        List<Path> written = new ArrayList<>();
        try (var entries = new TarArchiveInputStream(tar)) {
            for (TarArchiveEntry entry = entries.getNextEntry(); entry != null; entry = entries.getNextEntry()) {
                String refusal = refusal(entry);
                Path path = root.resolve(strip(entry.getName())).normalize();
                if (refusal == null && !path.startsWith(root)) {
                    refusal = "outside the target directory";
                }
                if (refusal != null) {
                    refusals.refused("refused archive entry '" + entry.getName() + "': " + refusal);
                    continue;
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(path);
                } else {
                    Files.createDirectories(path.getParent());
                    Files.copy(entries, path, StandardCopyOption.REPLACE_EXISTING);
                    written.add(root.relativize(path));
                }
            }
        }
        return List.copyOf(written);
    }

    /** Why an entry is not extracted, or null when it is a plain file or directory with a safe relative name. */
    private static String refusal(TarArchiveEntry entry) {
        String name = entry.getName();
        if (entry.isSymbolicLink() || entry.isLink()) {
            return "links are not extracted";
        }
        if (!isRegularFile(entry) && !entry.isDirectory()) {
            return "only regular files and directories are extracted";
        }
        if (name.startsWith("/") || name.matches("^[A-Za-z]:.*")) {
            return "absolute paths are not extracted";
        }
        for (String part : name.split("[/\\\\]")) {
            if (part.equals("..")) {
                return "paths with '..' are not extracted";
            }
        }
        return null;
    }

    /** By type flag: commons-compress's {@code isFile()} also accepts FIFOs and devices. */
    private static boolean isRegularFile(TarArchiveEntry entry) {
        byte flag = entry.getLinkFlag();
        return flag == TarConstants.LF_NORMAL || flag == TarConstants.LF_OLDNORM || flag == TarConstants.LF_CONTIG;
    }

    /** {@code ./a/b} → {@code a/b}: tar archives made with {@code find .} name their entries from the current directory. */
    private static String strip(String name) {
        String stripped = name;
        while (stripped.startsWith("./")) {
            stripped = stripped.substring(2);
        }
        return stripped;
    }
}
