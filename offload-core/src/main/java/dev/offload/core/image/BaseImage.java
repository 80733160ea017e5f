package dev.offload.core.image;

import dev.offload.core.config.ProviderConfig.CopyDir;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * A base or full build (SPEC §13.4 step 2).
 *
 * @param context the exported base commit (or working-tree snapshot), the repository's root
 * @param dockerfile the Dockerfile, relative to {@code context} when it lies inside the repository, else absolute
 * @param copyDirs config then command-line copy dirs, local paths absolute
 * @param repoRoot {@code sandbox_repo_root}
 * @param noCache build without the builder's layer cache ({@code offload build --no-cache})
 */
public record BaseImage(
        Path context,
        Optional<Path> dockerfile,
        List<CopyDir> copyDirs,
        Optional<String> sandboxInitCmd,
        String repoRoot,
        boolean noCache) {
    public BaseImage {
        copyDirs = List.copyOf(copyDirs);
    }
}
