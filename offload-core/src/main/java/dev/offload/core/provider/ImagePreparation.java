package dev.offload.core.provider;

/**
 * A provider whose sandboxes start from an image built once per run (SPEC §8.1 {@code prepare}). The run calls
 * {@link #prepareImage} before the first sandbox is created and retries it (SPEC §8.3); a provider may also call it
 * itself from {@code create}, so it must return the same id when called again.
 */
public interface ImagePreparation {
    /** Builds the image (or returns the one already built) and returns its id. */
    String prepareImage() throws ProviderException, InterruptedException;

    /** False when there is nothing to build (a {@code default} provider without {@code prepare_command}). */
    default boolean buildsImage() {
        return true;
    }
}
