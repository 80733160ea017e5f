package dev.offload.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {

    @TempDir
    Path dir;

    @Test
    void deletesOnlyOwnedEntries() throws Exception {
        Path out = dir.resolve("test-results");
        for (String owned : new String[] {
            "logs/batch-0.stdout.success",
            "junit-parts/batch-0.xml",
            "artifacts/batch-0/a/b.txt",
            ".offload/scripts/x.py",
            "trace.json",
            "summary.json",
            "report.html",
            "my-junit.xml"
        }) {
            write(out.resolve(owned));
        }
        write(out.resolve("junit.xml")); // not the configured junit file
        write(out.resolve("coverage/index.html"));
        write(out.resolve("notes.txt"));
        Path outside = write(dir.resolve("keep/precious.txt"));
        Files.createSymbolicLink(out.resolve("logs/batch-9.stdout.error"), outside.getParent());

        OutputDirectory.cleanOwned(out, "my-junit.xml");

        try (var entries = Files.list(out)) {
            assertThat(entries.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("junit.xml", "coverage", "notes.txt");
        }
        assertThat(out.resolve("coverage/index.html")).exists();
        assertThat(outside).exists();
    }

    @Test
    void userFilesInDirectoriesNamedLikeOffloadsAreKept() throws Exception {
        Path out = dir.resolve("build");
        write(out.resolve("logs/batch-3.stdout.success"));
        write(out.resolve("logs/app.log"));
        write(out.resolve("logs/batch-notes/todo.txt"));
        write(out.resolve("artifacts/batch-3/report.txt"));
        write(out.resolve("artifacts/release.zip"));
        write(out.resolve("junit-parts/batch-3.xml"));

        OutputDirectory.cleanOwned(out, "junit.xml");

        assertThat(out.resolve("logs/app.log")).exists();
        assertThat(out.resolve("logs/batch-notes/todo.txt")).exists();
        assertThat(out.resolve("logs/batch-3.stdout.success")).doesNotExist();
        assertThat(out.resolve("artifacts/release.zip")).exists();
        assertThat(out.resolve("artifacts/batch-3")).doesNotExist();
        assertThat(out.resolve("junit-parts")).doesNotExist();
    }

    @Test
    void createsMissingDirectoryAndNeverDeletesOutsideIt() throws Exception {
        Path sibling = write(dir.resolve("x.xml"));
        Path out = dir.resolve("a/b");

        OutputDirectory.cleanOwned(out, "../../x.xml");

        assertThat(out).isDirectory();
        assertThat(sibling).exists();
    }

    private static Path write(Path file) throws Exception {
        Files.createDirectories(file.getParent());
        return Files.writeString(file, "x");
    }
}
