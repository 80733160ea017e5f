package dev.offload.core.config;

import java.util.Optional;

/** The {@code [offload]} table (SPEC §4.5). */
public record OffloadSettings(
        int maxParallel,
        int testTimeoutSecs,
        Optional<String> workingDir,
        String sandboxRepoRoot,
        String sandboxProjectRoot,
        Optional<String> sandboxInitCmd,
        Optional<String> postPatchCmd,
        boolean impatientlyRequeueBatches,
        int maxParallelCollection) {

    public static final int DEFAULT_MAX_PARALLEL = 10;
    public static final int DEFAULT_TEST_TIMEOUT_SECS = 900;
}
