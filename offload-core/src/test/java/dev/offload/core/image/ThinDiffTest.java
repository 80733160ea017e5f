package dev.offload.core.image;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.git.GitRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The thin diff of SPEC §13.5 on a real repository: what it carries, what it leaves out, what it never touches. */
class ThinDiffTest {
    @TempDir
    Path dir;

    @Test
    void carriesCommittedStagedUnstagedAndUntrackedWorkButNotDockerignoredPaths() throws Exception {
        GitRepo repo = GitRepo.init(dir.resolve("repo"));
        repo.write("app.py", "v1\n");
        repo.write("committed.py", "v1\n");
        repo.write("secret.env", "TOKEN=old\n");
        repo.write(".dockerignore", "secret.env\n*.tmp\n");
        repo.write(".gitignore", "*.pyc\n");
        String base = repo.commitAll("base");
        repo.write("committed.py", "v2\n");
        repo.commitAll("after the base");
        repo.write("app.py", "v2 staged\n");
        repo.git("add", "app.py");
        repo.write("app.py", "v3 unstaged\n");
        repo.write("new_untracked.py", "hello\n");
        repo.write("secret.env", "TOKEN=new\n");
        repo.write("scratch.tmp", "x\n");
        repo.write("cache.pyc", "x\n");
        String statusBefore = repo.git("status", "--porcelain");

        ThinDiff.Diff diff = ThinDiff.compute(repo.git(), base, DockerIgnore.read(repo.dir()), dir);

        assertThat(diff.paths()).containsExactlyInAnyOrder("app.py", "committed.py", "new_untracked.py");
        String patch = new String(diff.patch(), StandardCharsets.UTF_8);
        assertThat(patch).contains("+v3 unstaged", "+v2", "+hello").doesNotContain("TOKEN");
        assertThat(repo.git("status", "--porcelain"))
                .as("the user's index is untouched")
                .isEqualTo(statusBefore);
    }

    @Test
    void cleanTreeGivesAnEmptyDiff() throws Exception {
        GitRepo repo = GitRepo.init(dir.resolve("repo"));
        repo.write("app.py", "v1\n");
        String base = repo.commitAll("base");

        ThinDiff.Diff diff = ThinDiff.compute(repo.git(), base, DockerIgnore.NONE, dir);

        assertThat(diff.isEmpty()).isTrue();
        assertThat(ThinDiff.write(diff, dir)).isEmpty();
        assertThat(Files.list(dir).filter(p -> p.getFileName().toString().startsWith("offload-index")))
                .isEmpty();
    }
}
