package dev.offload.core.run;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Per-run choices given on the command line or as Maven properties (SPEC §5.2, §6.2); never variable-expanded.
 *
 * @param parallel overrides {@code max_parallel}
 * @param env {@code --env KEY=VALUE} values, overriding provider {@code env}
 * @param copyDirs {@code --copy-dir LOCAL:REMOTE} values
 * @param shard {@code i/n}
 * @param trace write {@code {output_dir}/trace.json} (SPEC §11.5)
 * @param recordHistory {@code --record-history}: record even when {@code record_history = "flag"} (SPEC §12.3)
 */
public record RunOptions(
        OptionalInt parallel,
        Map<String, String> env,
        List<String> copyDirs,
        boolean failFast,
        boolean failOnFlaky,
        boolean showEstimatedCost,
        Optional<String> shard,
        boolean trace,
        boolean recordHistory) {

    public RunOptions {
        env = Map.copyOf(env);
        copyDirs = List.copyOf(copyDirs);
    }

    /** Without trace and history recording. */
    public RunOptions(
            OptionalInt parallel,
            Map<String, String> env,
            List<String> copyDirs,
            boolean failFast,
            boolean failOnFlaky,
            boolean showEstimatedCost,
            Optional<String> shard) {
        this(parallel, env, copyDirs, failFast, failOnFlaky, showEstimatedCost, shard, false, false);
    }

    public static RunOptions defaults() {
        return new RunOptions(OptionalInt.empty(), Map.of(), List.of(), false, false, false, Optional.empty());
    }

    /** These options with {@code --trace} and {@code --record-history} set as given. */
    public RunOptions withTraceAndHistory(boolean trace, boolean recordHistory) {
        return new RunOptions(
                parallel, env, copyDirs, failFast, failOnFlaky, showEstimatedCost, shard, trace, recordHistory);
    }
}
