package dev.offload.core.run;

import dev.offload.core.config.Config;
import dev.offload.core.config.FrameworkConfig;
import java.util.Optional;

/** The start-of-run warning for a fixed {@code result_file} that parallel local batches would all write. */
final class SharedResultFile {
    private SharedResultFile() {}

    /** Local sandboxes all run in one directory, so a fixed result file is written by every parallel batch. */
    static Optional<String> warning(Config config, int maxParallel) {
        if (!(config.framework() instanceof FrameworkConfig.Default framework)
                || !config.provider().type().equals("local")
                || maxParallel < 2) {
            return Optional.empty();
        }
        return framework
                .resultFile()
                .map(
                        file -> "framework.result_file '" + file
                                + "' is shared by the local sandboxes, which all run in one directory: with max_parallel > 1"
                                + " concurrent batches overwrite each other's results; put {result_file} in run_command instead");
    }
}
