package dev.offload.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.apache.commons.compress.compressors.gzip.GzipCompressorOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives from sandboxes are extracted with one set of path checks (SPEC §8.8, §11.8), skipping or failing. */
class SafeArchiveTest {
    @TempDir
    Path dir;

    @Test
    void regularFilesAndDirectoriesAreExtractedBelowTheTarget() throws IOException {
        Path archive = archive(List.of(dir("./reports/"), file("./reports/a.txt", "alpha"), file("b.txt", "beta")));
        List<String> warnings = new ArrayList<>();

        List<Path> written = SafeArchive.extractTarGz(archive, dir.resolve("out"), warnings::add);

        assertThat(written).containsExactly(Path.of("reports/a.txt"), Path.of("b.txt"));
        assertThat(dir.resolve("out/reports/a.txt")).hasContent("alpha");
        assertThat(warnings).isEmpty();
    }

    @Test
    void escapingPathsLinksAndSpecialFilesAreRefusedWithAWarningEach() throws IOException {
        TarArchiveEntry symlink = new TarArchiveEntry("link", TarConstants.LF_SYMLINK);
        symlink.setLinkName("/etc/passwd");
        TarArchiveEntry hardlink = new TarArchiveEntry("hard", TarConstants.LF_LINK);
        hardlink.setLinkName("kept.txt");
        TarArchiveEntry fifo = new TarArchiveEntry("pipe", TarConstants.LF_FIFO);
        Path archive = archive(List.of(
                file("../escaped.txt", "x"),
                file("sub/../../escaped2.txt", "x"),
                file("/tmp/absolute.txt", "x"),
                symlink,
                hardlink,
                fifo,
                file("kept.txt", "kept")));
        List<String> warnings = new ArrayList<>();

        List<Path> written = SafeArchive.extractTarGz(archive, dir.resolve("out"), warnings::add);

        assertThat(written).containsExactly(Path.of("kept.txt"));
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
        assertThat(dir.resolve("escaped2.txt")).doesNotExist();
        assertThat(dir.resolve("out/link")).doesNotExist();
        assertThat(warnings)
                .containsExactly(
                        "refused archive entry '../escaped.txt': paths with '..' are not extracted",
                        "refused archive entry 'sub/../../escaped2.txt': paths with '..' are not extracted",
                        "refused archive entry '/tmp/absolute.txt': absolute paths are not extracted",
                        "refused archive entry 'link': links are not extracted",
                        "refused archive entry 'hard': links are not extracted",
                        "refused archive entry 'pipe': only regular files and directories are extracted");
    }

    @Test
    void containerCopyFailsOnAClimbingEntryAndWritesNothingOutside() throws IOException {
        var tar = new ByteArrayInputStream(tarBytes(List.of(file("ok/a.txt", "a"), file("../escaped.txt", "x"))));

        assertThatThrownBy(() -> SafeArchive.extractTarOrFail(tar, dir.resolve("out")))
                .isInstanceOf(IOException.class)
                .hasMessage("refused archive entry '../escaped.txt': paths with '..' are not extracted");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
        assertThat(dir.resolve("out/ok/a.txt")).hasContent("a");
    }

    @Test
    void containerCopyFailsOnALink() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("evil", TarConstants.LF_SYMLINK);
        link.setLinkName("/etc/passwd");
        var tar = new ByteArrayInputStream(tarBytes(List.of(link)));

        assertThatThrownBy(() -> SafeArchive.extractTarOrFail(tar, dir))
                .hasMessage("refused archive entry 'evil': links are not extracted");
        assertThat(dir.resolve("evil")).doesNotExist();
    }

    @Test
    void singleFileCopyWritesTheFileUnderTheLocalNameWhateverItsEntryIsCalled() throws IOException {
        var tar = new ByteArrayInputStream(tarBytes(List.of(file("../../junit.xml", "<testsuite/>"))));

        SafeArchive.extractSingleFile(tar, dir.resolve("parts/batch-1.xml"), "/app/junit.xml");

        assertThat(dir.resolve("parts/batch-1.xml")).hasContent("<testsuite/>");
        assertThat(dir.getParent().resolve("junit.xml")).doesNotExist();
    }

    @Test
    void singleFileCopyOfALinkIsRefused() throws IOException {
        TarArchiveEntry link = new TarArchiveEntry("junit.xml", TarConstants.LF_SYMLINK);
        link.setLinkName("/etc/shadow");
        var tar = new ByteArrayInputStream(tarBytes(List.of(link)));

        assertThatThrownBy(() -> SafeArchive.extractSingleFile(tar, dir.resolve("junit.xml"), "/app/junit.xml"))
                .hasMessage("/app/junit.xml is not a regular file");
        assertThat(dir.resolve("junit.xml")).doesNotExist();
    }

    /** Writes entries; a file entry's content is its {@code content} field below. */
    private Path archive(List<Object> entries) throws IOException {
        Path archive = dir.resolve("a.tar.gz");
        try (OutputStream out = Files.newOutputStream(archive);
                var gz = new GzipCompressorOutputStream(out)) {
            gz.write(tarBytes(entries));
        }
        return archive;
    }

    private static byte[] tarBytes(List<Object> entries) throws IOException {
        var out = new ByteArrayOutputStream();
        try (var tar = new TarArchiveOutputStream(out)) {
            tar.setLongFileMode(TarArchiveOutputStream.LONGFILE_POSIX);
            for (Object item : entries) {
                if (item instanceof FileEntry f) {
                    byte[] bytes = f.content().getBytes(StandardCharsets.UTF_8);
                    TarArchiveEntry entry = new TarArchiveEntry(f.name(), true);
                    entry.setSize(bytes.length);
                    tar.putArchiveEntry(entry);
                    tar.write(bytes);
                } else {
                    tar.putArchiveEntry((TarArchiveEntry) item);
                }
                tar.closeArchiveEntry();
            }
        }
        return out.toByteArray();
    }

    private record FileEntry(String name, String content) {}

    private static FileEntry file(String name, String content) {
        return new FileEntry(name, content);
    }

    private static TarArchiveEntry dir(String name) {
        return new TarArchiveEntry(name, true);
    }
}
