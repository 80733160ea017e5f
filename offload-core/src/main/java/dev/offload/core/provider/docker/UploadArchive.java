package dev.offload.core.provider.docker;

import com.github.dockerjava.api.DockerClient;
import dev.offload.core.provider.SandboxUpload;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * A {@link SandboxUpload} packed once per run as a tar file and copied into each container at creation (SPEC §7.3,
 * §8.8: "staged junit classpaths are copied in as a tar archive"). The archive holds the sandbox's run temp directory
 * itself, so one copy to its parent creates it: world-writable, because a batch of an image with a non-root
 * {@code USER} writes its results there.
 */
final class UploadArchive implements AutoCloseable {
    private final Path tar;
    private final String parent;

    private UploadArchive(Path tar, String parent) {
        this.tar = tar;
        this.parent = parent;
    }

    /**
     * Packs {@code upload} for sandboxes whose run temp directory is {@code runTempDir} (an absolute path), into
     * {@code <name>.tar} beside the upload's directory.
     */
    static UploadArchive pack(SandboxUpload upload, String runTempDir) throws IOException {
        int slash = runTempDir.lastIndexOf('/');
        String parent = slash <= 0 ? "/" : runTempDir.substring(0, slash);
        String top = runTempDir.substring(slash + 1) + "/";
        // Beside the staged directory (under {output_dir}/.offload/, which the next run cleans), not in /tmp: a run
        // killed with SIGKILL leaves nothing behind outside the output directory.
        Path tar = upload.localDir().resolveSibling(upload.name() + ".tar");
        try (OutputStream out = Files.newOutputStream(tar);
                var archive = new TarArchiveOutputStream(out)) {
            archive.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            archive.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
            directory(archive, top, 01777);
            String dir = top + upload.name() + "/";
            directory(archive, dir, 0755);
            for (Path file : files(upload.localDir())) {
                var entry = new TarArchiveEntry(dir + file.getFileName());
                entry.setMode(0644);
                entry.setSize(Files.size(file));
                entry.setModTime(Files.getLastModifiedTime(file).toMillis());
                archive.putArchiveEntry(entry);
                Files.copy(file, archive);
                archive.closeArchiveEntry();
            }
        } catch (IOException | RuntimeException e) {
            Files.deleteIfExists(tar);
            throw e;
        }
        return new UploadArchive(tar, parent);
    }

    /** Copies the archive into a created (not necessarily started) container. */
    void copyInto(DockerClient client, String containerId) throws IOException {
        try (InputStream in = Files.newInputStream(tar)) {
            client.copyArchiveToContainerCmd(containerId)
                    .withRemotePath(parent)
                    .withTarInputStream(in)
                    .exec();
        }
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(tar);
        } catch (IOException e) {
            // a temp file: the system's temp cleanup gets it
        }
    }

    private static void directory(TarArchiveOutputStream archive, String name, int mode) throws IOException {
        var entry = new TarArchiveEntry(name);
        entry.setMode(040000 | mode);
        archive.putArchiveEntry(entry);
        archive.closeArchiveEntry();
    }

    private static List<Path> files(Path dir) throws IOException {
        try (Stream<Path> list = Files.list(dir)) {
            return list.filter(Files::isRegularFile).sorted().toList();
        }
    }
}
