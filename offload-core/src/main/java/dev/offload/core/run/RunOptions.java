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
 */
public record RunOptions(
        OptionalInt parallel,
        Map<String, String> env,
        List<String> copyDirs,
        boolean failFast,
        boolean failOnFlaky,
        boolean showEstimatedCost,
        Optional<String> shard) {

    public RunOptions {
        env = Map.copyOf(env);
        copyDirs = List.copyOf(copyDirs);
    }

    public static RunOptions defaults() {
        return new RunOptions(OptionalInt.empty(), Map.of(), List.of(), false, false, false, Optional.empty());
    }
}
