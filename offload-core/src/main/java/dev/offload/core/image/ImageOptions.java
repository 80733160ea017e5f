package dev.offload.core.image;

import java.util.List;
import java.util.Optional;

/**
 * Per-invocation image choices (SPEC §5.2, §5.4): {@code --no-cache}, {@code --override-image-id} and the
 * command-line {@code --copy-dir} values.
 */
public record ImageOptions(boolean noCache, Optional<String> overrideImageId, List<String> copyDirs) {
    public ImageOptions {
        copyDirs = List.copyOf(copyDirs);
    }

    public static ImageOptions defaults() {
        return new ImageOptions(false, Optional.empty(), List.of());
    }
}
