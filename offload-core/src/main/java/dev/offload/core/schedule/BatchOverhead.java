package dev.offload.core.schedule;

/**
 * The batch overhead O of SPEC §9.6 before any batch of the run has finished: what starting a framework process in a
 * sandbox costs on top of its tests. {@code plan} uses the previous run's measured value instead when there is one.
 */
public final class BatchOverhead {
    private BatchOverhead() {}

    /** local 1 s, docker 2 s, every other provider 5 s. */
    public static double defaultSecs(String providerType) {
        return switch (providerType) {
            case "local" -> 1.0;
            case "docker" -> 2.0;
            default -> 5.0;
        };
    }
}
