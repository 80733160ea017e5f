package dev.offload.core.provider;

/**
 * Supplies sandboxes (SPEC §8.1). One instance serves one run; {@link #create} is called concurrently for different
 * slots. Image preparation belongs to providers that build images and is added beside this interface.
 */
public interface Provider extends AutoCloseable {

    /** The {@code type} of {@code [provider]}, for messages. */
    String type();

    /**
     * Creates the sandbox for pool slot {@code slot} (0-based). Retries (SPEC §8.3) are the caller's job.
     *
     * @throws ProviderException naming the slot and the step that failed
     */
    Sandbox create(int slot) throws ProviderException, InterruptedException;

    /** Price per core-second in USD used for the cost estimate (SPEC §8.10). */
    default double pricePerCoreSecond() {
        return 0.0;
    }

    /**
     * Destroys many sandboxes with one operation when the provider has one (SPEC §8.4: modal's {@code destroy-many}).
     * Returns false when it has none, and the caller destroys them one by one.
     *
     * @throws ProviderException when the operation failed; the caller then destroys them one by one
     */
    default boolean destroyMany(java.util.List<Sandbox> sandboxes, java.time.Duration limit)
            throws ProviderException, InterruptedException {
        return false;
    }

    /**
     * Copies {@code upload} into every sandbox this provider creates from now on (SPEC §7.3: the staged junit class
     * path), before the sandbox runs anything. Called once, before the first {@link #create}.
     *
     * @return false when this provider cannot copy files into its sandboxes (the caller then names a setting that
     *     avoids the copy)
     * @throws ProviderException when the copy could not be prepared
     */
    default boolean uploadAtCreation(SandboxUpload upload) throws ProviderException {
        return false;
    }

    /** Releases what the provider holds for the run (hooks, clients); sandboxes are destroyed before this. */
    @Override
    default void close() {}

    /** CPU cores per sandbox, for the cost estimate. */
    default double cpuCores() {
        return 1.0;
    }
}
