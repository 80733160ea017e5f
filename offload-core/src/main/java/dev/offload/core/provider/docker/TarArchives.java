package dev.offload.core.provider.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Tar archives as the Engine API copies files (SPEC §8.8): extracted by Offload with the path checks of §11.8 (no
 * absolute paths, no {@code ..}, no links), never by an external {@code tar}.
 */
public final class TarArchives {
    private TarArchives() {}

    /** Writes the first regular file of the archive to {@code target}; the archive of a single-file copy. */
    public static void extractSingleFile(InputStream tar, Path target, String remote) throws IOException {
        try (var in = new TarArchiveInputStream(tar)) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.isFile()) {
                    Path parent = target.toAbsolutePath().getParent();
                    Files.createDirectories(parent);
                    Path temp = Files.createTempFile(parent, ".download-", ".tmp");
                    try {
                        Files.copy(in, temp, StandardCopyOption.REPLACE_EXISTING);
                        Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
                    } finally {
                        Files.deleteIfExists(temp);
                    }
                    return;
                }
            }
        }
        throw new IOException(remote + " is not a regular file");
    }

    /**
     * Extracts every entry below {@code dir}.
     *
     * @throws IOException naming the first entry that is absolute, climbs out with {@code ..} or is a link
     */
    public static void extractInto(InputStream tar, Path dir) throws IOException {
        Path root = dir.toAbsolutePath().normalize();
        try (var in = new TarArchiveInputStream(tar)) {
            for (TarArchiveEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                String name = entry.getName();
                if (entry.isSymbolicLink() || entry.isLink()) {
                    throw new IOException("refusing link '" + name + "' in the archive");
                }
                Path target = root.resolve(name).normalize();
                if (name.startsWith("/") || !target.startsWith(root)) {
                    throw new IOException("refusing entry '" + name + "' outside " + root);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(target);
                } else if (entry.isFile()) {
                    Files.createDirectories(target.getParent());
                    Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** Writes {@code files} (paths relative to {@code base}) as a tar stream, each under {@code prefix}. */
    public static void write(Path base, List<Path> files, String prefix, OutputStream out) throws IOException {
        try (var tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            for (Path relative : files) {
                Path file = base.resolve(relative);
                TarArchiveEntry entry = new TarArchiveEntry(
                        file.toFile(), prefix + relative.toString().replace('\\', '/'));
                tar.putArchiveEntry(entry);
                if (Files.isRegularFile(file)) {
                    Files.copy(file, tar);
                }
                tar.closeArchiveEntry();
            }
        }
    }

    /** Every file and directory below {@code dir}, relative to it, parents first. */
    public static List<Path> listTree(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(p -> !p.equals(dir))
                    .map(dir::relativize)
                    .sorted()
                    .toList();
        }
    }
}
