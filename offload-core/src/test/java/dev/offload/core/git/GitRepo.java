package dev.offload.core.git;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** A real git repository in a temp directory, for tests. */
public final class GitRepo {
    private final Git git;

    private GitRepo(Path dir) {
        this.git = new Git(dir);
    }

    public static GitRepo init(Path dir) throws Exception {
        Files.createDirectories(dir);
        GitRepo repo = new GitRepo(dir);
        repo.git("init", "-q", "-b", "main");
        repo.git("config", "user.email", "test@example.invalid");
        repo.git("config", "user.name", "Test");
        repo.git("config", "commit.gpgsign", "false");
        return repo;
    }

    public Path dir() {
        return git.dir();
    }

    public Git git() {
        return git;
    }

    public String git(String... args) throws GitException {
        return git.output(args);
    }

    public Path write(String path, String content) throws IOException {
        Path file = dir().resolve(path);
        Files.createDirectories(file.getParent());
        return Files.writeString(file, content);
    }

    public String commitAll(String message) throws GitException {
        git("add", "-A");
        git("commit", "-q", "-m", message);
        return git("rev-parse", "HEAD");
    }

    /** Every file below {@code root} except {@code .git}: content, plus "+x" for executables, by relative path. */
    public static Map<String, String> tree(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.filter(p -> Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS))
                    .toList()) {
                String rel = root.relativize(p).toString();
                if (rel.startsWith(".git/") || rel.equals(".git")) {
                    continue;
                }
                files.put(rel, Arrays.toString(Files.readAllBytes(p)) + (Files.isExecutable(p) ? " +x" : ""));
            }
        }
        return files;
    }
}
