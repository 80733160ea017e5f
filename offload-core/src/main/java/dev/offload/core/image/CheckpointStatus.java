package dev.offload.core.image;

import dev.offload.core.config.CheckpointConfig;
import dev.offload.core.config.Config;
import dev.offload.core.git.Git;
import dev.offload.core.git.GitException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * {@code offload checkpoint-status} (SPEC §5.4, §13.3): what the next run's image step would do, from the same base
 * commit, cache and thin diff the pipeline uses. Never builds anything.
 */
public final class CheckpointStatus {
    private static final int MAX_DISTANCE = 100;

    private CheckpointStatus() {}

    /**
     * @throws ImageException outside a git repository
     */
    public static String render(Config config, String remote, Consumer<String> warnings)
            throws ImageException, GitException, IOException {
        Path top = Git.topLevel(config.configDir())
                .orElseThrow(() -> new ImageException(config.configDir() + " is not inside a git repository"));
        Git git = new Git(top);
        List<String> inputs =
                config.checkpoint().map(CheckpointConfig::buildInputs).orElse(List.of());
        Optional<BaseCommit> base = BaseCommit.find(git, inputs);
        String head =
                git.run(null, "rev-parse", "--verify", "-q", "HEAD").stdout().trim();
        StringBuilder out = new StringBuilder();
        line(out, "HEAD:", head.isEmpty() ? "(no commits)" : shortSha(head));
        if (base.isEmpty()) {
            line(out, "Base commit:", "(none)");
            line(out, "Cached image:", "(none)");
            line(
                    out,
                    "Next run mode:",
                    "full build (" + (head.isEmpty() ? "no commits yet" : "no commit touches the build inputs") + ")");
            return out.toString();
        }
        BaseCommit commit = base.get();
        line(out, "Base commit:", commit.shortSha() + " (" + distance(git, commit.sha()) + ")");
        String key = top.relativize(config.file().toAbsolutePath().normalize())
                .toString()
                .replace('\\', '/');
        ImageCache cache = new ImageCache(git, key, remote, warnings);
        cache.fetch();
        Optional<String> cached = cache.lookup(commit.sha());
        line(out, "Cached image:", cached.orElse("(none)"));
        line(out, "Next run mode:", nextMode(git, commit, head, cached.isPresent()));
        return out.toString();
    }

    private static String nextMode(Git git, BaseCommit commit, String head, boolean cached)
            throws GitException, IOException {
        if (!cached) {
            return "full build (no cached image for " + commit.shortSha() + ")";
        }
        Path temp = Files.createTempDirectory("offload-status-");
        try {
            ThinDiff.Diff diff = ThinDiff.compute(git, commit.sha(), DockerIgnore.read(git.dir()), temp);
            if (diff.isEmpty()) {
                return "use checkpoint image directly";
            }
            if (!commit.sha().equals(head)) {
                return "thin diff (" + diff.paths().size() + " files changed since checkpoint)";
            }
            return "thin diff (uncommitted changes only)";
        } finally {
            try (var files = Files.walk(temp)) {
                files.sorted(java.util.Comparator.reverseOrder())
                        .forEach(p -> p.toFile().delete());
            }
        }
    }

    private static String distance(Git git, String sha) throws GitException {
        Git.Result count = git.run(null, "rev-list", "--count", "--max-count=" + (MAX_DISTANCE + 1), sha + "..HEAD");
        if (!count.ok()) {
            return "unknown distance";
        }
        int n = Integer.parseInt(count.stdout().trim());
        if (n > MAX_DISTANCE) {
            return "unknown distance";
        }
        return n == 0 ? "HEAD" : n + (n == 1 ? " commit" : " commits") + " before HEAD";
    }

    private static void line(StringBuilder out, String label, String value) {
        out.append(String.format("%-20s%s%n", label, value));
    }

    private static String shortSha(String sha) {
        return sha.substring(0, Math.min(8, sha.length()));
    }
}
