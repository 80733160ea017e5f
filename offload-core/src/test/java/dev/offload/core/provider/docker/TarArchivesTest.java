package dev.offload.core.provider.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Archives copied out of containers are extracted with path checks (SPEC §8.8, §11.8). */
class TarArchivesTest {
    @TempDir
    Path dir;

    @Test
    void entriesStayInsideTheTarget() throws Exception {
        TarArchives.extractInto(tar("ok/a.txt", "a"), dir.resolve("out"));

        assertThat(dir.resolve("out/ok/a.txt")).hasContent("a");
    }

    @Test
    void climbingEntryIsRefusedAndNothingIsWrittenOutside() {
        assertThatThrownBy(() -> TarArchives.extractInto(tar("../escaped.txt", "x"), dir.resolve("out")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("refusing entry '../escaped.txt'");
        assertThat(dir.resolve("escaped.txt")).doesNotExist();
    }

    @Test
    void linksAreRefused() throws Exception {
        var bytes = new ByteArrayOutputStream();
        try (var out = new TarArchiveOutputStream(bytes)) {
            TarArchiveEntry link = new TarArchiveEntry("evil", TarConstants.LF_SYMLINK);
            link.setLinkName("/etc/passwd");
            out.putArchiveEntry(link);
            out.closeArchiveEntry();
        }

        assertThatThrownBy(() -> TarArchives.extractInto(new ByteArrayInputStream(bytes.toByteArray()), dir))
                .hasMessage("refusing link 'evil' in the archive");
    }

    private static ByteArrayInputStream tar(String name, String content) throws IOException {
        var bytes = new ByteArrayOutputStream();
        try (var out = new TarArchiveOutputStream(bytes)) {
            byte[] data = content.getBytes(StandardCharsets.UTF_8);
            TarArchiveEntry entry = new TarArchiveEntry(name, true); // preserve the name as given
            entry.setSize(data.length);
            out.putArchiveEntry(entry);
            out.write(data);
            out.closeArchiveEntry();
        }
        return new ByteArrayInputStream(bytes.toByteArray());
    }
}
