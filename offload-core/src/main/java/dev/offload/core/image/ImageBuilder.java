package dev.offload.core.image;

import java.util.Optional;
import java.util.function.Consumer;

/**
 * What a provider that builds images implements for the pipeline of SPEC §13.4 ({@link ImagePipeline}): a base (or
 * full) build from a prepared context directory and an incremental build that applies a thin diff. The pipeline owns
 * the cache, the base commit, the export and the diff; a builder only turns them into image ids.
 */
public interface ImageBuilder extends AutoCloseable {

    /** An image to use as it is, without any build (docker: an {@code image} with nothing to add). */
    default Optional<String> imageWithoutBuild() throws ImageException, InterruptedException {
        return Optional.empty();
    }

    /** Whether the base image holds the repository at {@code sandbox_repo_root}, so that thin diffs apply to it. */
    boolean holdsProject();

    /** Whether a cached id still names an image; an unknown id is a cache miss (SPEC §13.2). */
    default boolean exists(String imageId) {
        return true;
    }

    /**
     * Builds the base image (or the full image from a working-tree snapshot) with {@code build.context()} as context.
     *
     * @param log receives the build's output lines
     */
    String buildBase(BaseImage build, Consumer<String> log) throws ImageException, InterruptedException;

    /** Builds an image that applies a thin diff and/or runs {@code post_patch_cmd} on top of a base (SPEC §13.5). */
    String buildIncremental(IncrementalImage build, Consumer<String> log) throws ImageException, InterruptedException;

    /**
     * Removes an image built for one run ({@link PreparedImage#runOnly()}) once its sandboxes are gone. Providers whose
     * images cannot be removed from here (modal, shell templates) keep the default, which does nothing.
     *
     * @throws ImageException when the removal failed; the run reports it as a warning
     */
    default void remove(String imageId) throws ImageException {}

    @Override
    default void close() {}
}
