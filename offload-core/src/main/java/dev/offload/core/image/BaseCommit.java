package dev.offload.core.image;

import dev.offload.core.git.Git;
import dev.offload.core.git.GitException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The commit an image is built from (SPEC §13.3): HEAD in latest-commit mode; in checkpoint mode the newest commit
 * reachable from HEAD that touches one of {@code build_inputs}.
 */
public record BaseCommit(String sha, boolean checkpoint) {

    /** {@code Checkpoint} or {@code Latest-commit}, as the cache lines print it. */
    public String label() {
        return checkpoint ? "Checkpoint" : "Latest-commit";
    }

    public String shortSha() {
        return sha.substring(0, Math.min(8, sha.length()));
    }

    /**
     * @param buildInputs empty in latest-commit mode
     * @return empty when HEAD has no commit yet or no commit touches the inputs (then: full build)
     */
    public static Optional<BaseCommit> find(Git git, List<String> buildInputs) throws GitException {
        if (!git.run(null, "rev-parse", "--verify", "-q", "HEAD^{commit}").ok()) {
            return Optional.empty();
        }
        if (buildInputs.isEmpty()) {
            return Optional.of(new BaseCommit(git.output("rev-parse", "HEAD"), false));
        }
        List<String> args = new ArrayList<>(List.of("log", "--format=%H", "-n", "1", "HEAD", "--"));
        args.addAll(buildInputs);
        String sha = git.output(args.toArray(String[]::new));
        return sha.isEmpty() ? Optional.empty() : Optional.of(new BaseCommit(sha, true));
    }
}
