package dev.offload.core.image;

import dev.offload.core.git.Git;
import dev.offload.core.git.GitException;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Arrays;
import java.util.List;

/**
 * Build contexts on disk (SPEC §13.4): the base commit exported as a fresh repository, or a snapshot of the working
 * tree for the full-build fallback. Both honour {@code .dockerignore}.
 */
public final class ContextExport {
    private ContextExport() {}

    /**
     * Exports {@code commit} into {@code target}: {@code git init}, a shallow fetch of the commit from the local
     * repository, checkout on branch {@code main}; then the untracked files git ignores but docker does not (build
     * outputs the image may need).
     */
    public static void exportCommit(Git repo, String commit, DockerIgnore ignore, Path target)
            throws GitException, IOException {
        Files.createDirectories(target);
        Git export = new Git(target);
        export.output("init", "-q");
        export.output(
                "-c", "protocol.file.allow=always", "fetch", "-q", "--depth", "1", "file://" + repo.dir(), commit);
        export.output("checkout", "-q", "-b", "main", "FETCH_HEAD");
        Git.Result ignored = repo.run(null, "ls-files", "-z", "--others", "--ignored", "--exclude-standard");
        if (!ignored.ok()) {
            throw new GitException(
                    "git ls-files --ignored failed: " + ignored.stderr().trim());
        }
        List<String> extra = Arrays.stream(ignored.stdout().split("\0"))
                .filter(p -> !p.isEmpty() && !ignore.excludes(p))
                .toList();
        for (String path : extra) {
            Path source = repo.dir().resolve(path);
            if (Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
                Path dest = target.resolve(path);
                Files.createDirectories(dest.getParent());
                Files.copy(source, dest, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.COPY_ATTRIBUTES);
            }
        }
    }

    /** Copies the working tree at {@code source} into {@code target}, leaving out what {@code .dockerignore} excludes. */
    public static void snapshot(Path source, DockerIgnore ignore, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) throws IOException {
                String rel = relative(source, dir);
                if (!rel.isEmpty() && ignore.excludes(rel) && !reincludesBelow(ignore, rel)) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                Files.createDirectories(target.resolve(rel));
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                String rel = relative(source, file);
                if (!ignore.excludes(rel) && (attrs.isRegularFile() || attrs.isSymbolicLink())) {
                    Files.copy(
                            file,
                            target.resolve(rel),
                            StandardCopyOption.COPY_ATTRIBUTES,
                            LinkOption.NOFOLLOW_LINKS,
                            StandardCopyOption.REPLACE_EXISTING);
                }
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /** A {@code !} rule could bring back something inside an excluded directory: walk it then. */
    private static boolean reincludesBelow(DockerIgnore ignore, String dir) {
        return ignore.hasExceptions();
    }

    private static String relative(Path root, Path path) {
        return root.relativize(path).toString().replace('\\', '/');
    }
}
