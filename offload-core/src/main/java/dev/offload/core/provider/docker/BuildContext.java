package dev.offload.core.provider.docker;

import dev.offload.core.image.DockerIgnore;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;

/**
 * A docker build context written as a tar file: a generated Dockerfile plus directories under chosen prefixes
 * ({@code project/}, {@code copy-0/}, …), so that sources from anywhere on disk can be added to one image.
 */
final class BuildContext implements AutoCloseable {
    private final Path file;
    private final TarArchiveOutputStream tar;

    BuildContext(Path dir) throws IOException {
        this.file = Files.createTempFile(dir, "offload-context-", ".tar");
        OutputStream out = Files.newOutputStream(file);
        this.tar = new TarArchiveOutputStream(out);
        tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
        tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
    }

    Path file() {
        return file;
    }

    void addText(String name, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        TarArchiveEntry entry = new TarArchiveEntry(name);
        entry.setSize(bytes.length);
        entry.setMode(0644);
        tar.putArchiveEntry(entry);
        tar.write(bytes);
        tar.closeArchiveEntry();
    }

    void addFile(String name, Path source) throws IOException {
        TarArchiveEntry entry = new TarArchiveEntry(source, name, LinkOption.NOFOLLOW_LINKS);
        keepMode(entry, source);
        tar.putArchiveEntry(entry);
        Files.copy(source, tar);
        tar.closeArchiveEntry();
    }

    /** Adds the tree at {@code source} under {@code prefix/}, leaving out what {@code ignore} excludes. */
    void addTree(String prefix, Path source, DockerIgnore ignore) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String rel = source.relativize(dir).toString().replace('\\', '/');
                if (!rel.isEmpty() && ignore.excludes(rel) && !ignore.hasExceptions()) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                String name = join(prefix, rel);
                if (!name.isEmpty()) {
                    TarArchiveEntry entry = new TarArchiveEntry(dir, name + "/", LinkOption.NOFOLLOW_LINKS);
                    keepMode(entry, dir);
                    tar.putArchiveEntry(entry);
                    tar.closeArchiveEntry();
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path path, BasicFileAttributes attrs) throws IOException {
                String rel = source.relativize(path).toString().replace('\\', '/');
                if (ignore.excludes(rel)) {
                    return FileVisitResult.CONTINUE;
                }
                if (attrs.isSymbolicLink()) {
                    TarArchiveEntry link = new TarArchiveEntry(join(prefix, rel), TarConstants.LF_SYMLINK);
                    link.setLinkName(Files.readSymbolicLink(path).toString());
                    tar.putArchiveEntry(link);
                    tar.closeArchiveEntry();
                } else if (attrs.isRegularFile()) {
                    addFile(join(prefix, rel), path);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * The file's own permission bits: commons-compress gives every entry a default mode, and an executable of the
     * project (a build script, esbuild's binary in node_modules) would reach the image without its execute bit.
     */
    private static void keepMode(TarArchiveEntry entry, Path source) throws IOException {
        try {
            entry.setMode((Integer) Files.getAttribute(source, "unix:mode", LinkOption.NOFOLLOW_LINKS));
        } catch (UnsupportedOperationException | IllegalArgumentException e) {
            // no unix attributes on this filesystem: the default mode stays
        }
    }

    /** Entry names are relative: {@code prefix/rel}, or {@code rel} at the context root. */
    private static String join(String prefix, String rel) {
        if (prefix.isEmpty()) {
            return rel;
        }
        return rel.isEmpty() ? prefix : prefix + "/" + rel;
    }

    /** Finishes the archive; the file stays until {@link #close}. */
    void finish() throws IOException {
        tar.finish();
        tar.close();
    }

    @Override
    public void close() throws IOException {
        try {
            tar.close();
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
