package dev.offload.core.image;

import dev.offload.core.git.Git;
import dev.offload.core.git.GitException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The thin diff of SPEC §13.5: everything between the base commit and the working tree (committed since, staged,
 * unstaged, untracked but not git-ignored), minus paths {@code .dockerignore} excludes. It is built in a temporary
 * index so the user's index is never touched.
 */
public final class ThinDiff {
    private ThinDiff() {}

    /** The changed paths and the binary patch (empty bytes when nothing changed). */
    public record Diff(List<String> paths, byte[] patch) {
        public boolean isEmpty() {
            return paths.isEmpty();
        }
    }

    public static Diff compute(Git git, String base, DockerIgnore ignore, Path tempDir)
            throws GitException, IOException {
        Path index = Files.createTempFile(tempDir, "offload-index-", "");
        Files.delete(index); // git writes it fresh
        try {
            Git temp = git.withEnv(Map.of("GIT_INDEX_FILE", index.toString()));
            temp.output("read-tree", base);
            temp.output("add", "-A", ".");
            List<String> ignored =
                    changedPaths(temp, base).stream().filter(ignore::excludes).toList();
            if (!ignored.isEmpty()) {
                byte[] pathspecs = String.join("\0", ignored).getBytes(StandardCharsets.UTF_8);
                Git.Result reset =
                        temp.run(pathspecs, "reset", "-q", base, "--pathspec-from-file=-", "--pathspec-file-nul");
                if (!reset.ok()) {
                    throw new GitException("git reset of .dockerignore'd paths failed: "
                            + reset.stderr().trim());
                }
            }
            List<String> paths = changedPaths(temp, base);
            if (paths.isEmpty()) {
                return new Diff(List.of(), new byte[0]);
            }
            Git.Result diff = temp.run(null, "diff", "--cached", "--binary", "--no-color", "--no-ext-diff", base);
            if (!diff.ok()) {
                throw new GitException(
                        "git diff --cached --binary failed: " + diff.stderr().trim());
            }
            return new Diff(paths, diff.stdoutBytes());
        } finally {
            Files.deleteIfExists(index);
        }
    }

    /** Writes the patch to a file in {@code dir}; empty for an empty diff. */
    public static Optional<Path> write(Diff diff, Path dir) throws IOException {
        if (diff.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(Files.write(dir.resolve("offload.patch"), diff.patch()));
    }

    private static List<String> changedPaths(Git git, String base) throws GitException {
        Git.Result names = git.run(null, "diff", "--cached", "--name-only", "--no-renames", "-z", base);
        if (!names.ok()) {
            throw new GitException(
                    "git diff --cached --name-only failed: " + names.stderr().trim());
        }
        return java.util.Arrays.stream(names.stdout().split("\0"))
                .filter(s -> !s.isEmpty())
                .toList();
    }
}
