package dev.offload.core.provider.docker;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Tar archives written for the Engine API's copies into a container (SPEC §8.8). Archives coming out of a container
 * are extracted by {@link dev.offload.core.provider.SafeArchive}, the one place with the path checks of §11.8.
 */
public final class TarArchives {
    private TarArchives() {}

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
