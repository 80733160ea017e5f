package dev.offload.core.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apply-diff} on real {@code git diff --binary} output (SPEC §13.7, §19): the patched copy of the base commit
 * must equal the changed working tree byte for byte, executable bits included.
 */
class ApplyDiffTest {
    @TempDir
    Path dir;

    @Test
    void everyKindOfChangeAppliedToTheBaseEqualsTheWorkingTree() throws Exception {
        GitRepo repo = GitRepo.init(dir.resolve("repo"));
        repo.write("modify.txt", "one\ntwo\nthree\nfour\nfive\nsix\nseven\neight\nnine\nten\n");
        repo.write("delete.txt", "bye\n");
        repo.write("rename-me.txt", "same content\nline 2\nline 3\nline 4\n");
        repo.write("rename-edit.txt", "a\nb\nc\nd\ne\nf\ng\nh\n");
        repo.write("becomes-file/inner.txt", "inner\n");
        repo.write("becomes-dir", "was a file\n");
        repo.write("no-newline.txt", "last line without newline");
        repo.write("script.sh", "#!/bin/sh\necho hi\n");
        repo.write("with space/ünï cödé.txt", "weird path\n");
        byte[] blob = new byte[20_000];
        new Random(7).nextBytes(blob);
        Files.write(repo.dir().resolve("data.bin"), blob);
        repo.commitAll("base");
        Path base = dir.resolve("base");
        repo.git("worktree", "add", "-q", base.toString(), "HEAD");

        repo.write("modify.txt", "one\ntwo\nTHREE\nfour\nfive\nsix\nseven\neight\nnine\nten\neleven\n");
        Files.delete(repo.dir().resolve("delete.txt"));
        Files.createDirectories(repo.dir().resolve("moved"));
        Files.move(repo.dir().resolve("rename-me.txt"), repo.dir().resolve("moved/renamed.txt"));
        Files.delete(repo.dir().resolve("rename-edit.txt"));
        repo.write("edited-rename.txt", "a\nb\nc\nD\ne\nf\ng\nh\n");
        Files.delete(repo.dir().resolve("becomes-file/inner.txt"));
        Files.delete(repo.dir().resolve("becomes-file"));
        repo.write("becomes-file", "now a file\n");
        Files.delete(repo.dir().resolve("becomes-dir"));
        repo.write("becomes-dir/child.txt", "now a dir\n");
        repo.write("no-newline.txt", "last line changed, still without newline");
        Files.setPosixFilePermissions(repo.dir().resolve("script.sh"), PosixFilePermissions.fromString("rwxr-xr-x"));
        repo.write("with space/ünï cödé.txt", "weird path, edited\n");
        repo.write("created/new.txt", "brand new\n");
        blob[100] ^= 0x55;
        blob[15_000] ^= 0x22;
        Files.write(repo.dir().resolve("data.bin"), blob);
        byte[] fresh = new byte[3000];
        new Random(9).nextBytes(fresh);
        Files.write(repo.dir().resolve("created/new.bin"), fresh);

        byte[] patch = diff(repo);
        String text = new String(patch, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text)
                .contains(
                        "GIT binary patch",
                        "literal 3000",
                        "delta ",
                        "rename from",
                        "new mode 100755",
                        "\\ No newline at end of file",
                        "deleted file mode");

        new PatchApplier(base).apply(PatchParser.parse(patch));

        assertThat(GitRepo.tree(base)).isEqualTo(GitRepo.tree(repo.dir()));
    }

    @Test
    void hunkThatDoesNotMatchFailsNamingTheFile() throws Exception {
        GitRepo repo = GitRepo.init(dir.resolve("repo"));
        repo.write("src/app.py", "x = 1\ny = 2\nz = 3\n");
        repo.commitAll("base");
        Path base = dir.resolve("base");
        repo.git("worktree", "add", "-q", base.toString(), "HEAD");
        repo.write("src/app.py", "x = 1\ny = 20\nz = 3\n");
        byte[] patch = diff(repo);
        Files.writeString(base.resolve("src/app.py"), "x = 1\ny = 2 \nz = 3\n"); // one space differs

        assertThatThrownBy(() -> new PatchApplier(base).apply(PatchParser.parse(patch)))
                .isInstanceOf(PatchException.class)
                .hasMessageStartingWith("src/app.py: hunk at line 1 does not match");
    }

    @Test
    void pathLeavingTheRootIsRefused() throws Exception {
        String patch = """
                diff --git a/../evil.txt b/../evil.txt
                new file mode 100644
                --- /dev/null
                +++ b/../evil.txt
                @@ -0,0 +1 @@
                +pwned
                """;
        Path root = Files.createDirectories(dir.resolve("root"));

        assertThatThrownBy(() -> new PatchApplier(root).apply(PatchParser.parse(patch.getBytes())))
                .isInstanceOf(PatchException.class)
                .hasMessageContaining("outside the project root");
        assertThat(dir.resolve("evil.txt")).doesNotExist();
    }

    @Test
    void binaryChangeWithoutDataIsRefusedWithAHint() {
        String patch = "diff --git a/x.bin b/x.bin\nindex 1..2 100644\nBinary files a/x.bin and b/x.bin differ\n";

        assertThatThrownBy(() -> PatchParser.parse(patch.getBytes()))
                .isInstanceOf(PatchException.class)
                .hasMessageContaining("git diff --binary");
    }

    static byte[] diff(GitRepo repo) throws Exception {
        repo.git("add", "-A");
        Git.Result result = repo.git().run(null, "diff", "--cached", "--binary", "-M", "HEAD");
        assertThat(result.ok()).isTrue();
        return result.stdoutBytes();
    }
}
