package dev.offload.core.framework;

import java.util.Map;
import java.util.Optional;

/**
 * What a sandbox runs for one batch.
 *
 * @param script POSIX sh script text; the provider runs it with the batch directory as working directory and wraps it
 *     (marker file, process group, SPEC §8.1). Every id or user value inside it is quoted with {@code Shell.quote}.
 * @param env extra environment the framework needs (e.g. {@code PYTHONPATH}); provider env and the {@code OFFLOAD_*}
 *     variables are added by the orchestrator
 * @param workingSubdir directory below {@code OFFLOAD_ROOT} to run in (default framework {@code working_dir}), or empty
 * @param resultPath sandbox-side path of the result file, or empty in exit-status mode (default framework)
 */
public record BatchCommand(
        String script, Map<String, String> env, Optional<String> workingSubdir, Optional<String> resultPath) {
    public BatchCommand {
        env = Map.copyOf(env);
    }
}
