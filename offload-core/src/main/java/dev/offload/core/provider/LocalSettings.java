package dev.offload.core.provider;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * What the local provider needs (SPEC §8.5), already resolved.
 *
 * @param workingDir directory where batches run unless a request names another one; relative request directories
 *     resolve against it
 * @param projectRoot {@code OFFLOAD_ROOT}
 * @param shell batches run as {@code <shell> -c <script>}
 * @param env provider {@code env}, added to the inherited environment (request values win)
 * @param runTempDir this run's temp directory
 */
public record LocalSettings(
        Path workingDir, String projectRoot, String shell, Map<String, String> env, Path runTempDir) {
    public LocalSettings {
        Objects.requireNonNull(workingDir);
        Objects.requireNonNull(projectRoot);
        Objects.requireNonNull(shell);
        env = Map.copyOf(env);
        Objects.requireNonNull(runTempDir);
    }
}
