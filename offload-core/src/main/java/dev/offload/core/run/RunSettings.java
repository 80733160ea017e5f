package dev.offload.core.run;

import dev.offload.core.config.Config;
import dev.offload.core.config.GroupConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Everything the orchestrator needs besides the tests, the framework and the provider.
 *
 * @param runId 4 characters, new for each run
 * @param maxParallel maximum number of sandboxes
 * @param batchTimeout limit of one batch ({@code test_timeout_secs})
 * @param failFast SPEC §10.7
 * @param hedging {@code impatiently_requeue_batches} (SPEC §9.6)
 * @param outputDir where {@code logs/} and {@code junit-parts/} go
 * @param batchEnv provider {@code env} overlaid with {@code --env} values (SPEC §8.1)
 * @param retryCounts {@code retry_count} per group name
 * @param estimates expected seconds per test id (SPEC §9.1)
 * @param teardownLimit overall limit of sandbox teardown (SPEC §8.4: 120 s)
 * @param downloadGlobs {@code [report].download_globs}, relative to the sandbox project root (SPEC §11.8)
 * @param downloadGlobsFailureOnly collect artifacts of failing batches only
 */
public record RunSettings(
        String runId,
        int maxParallel,
        Duration batchTimeout,
        boolean failFast,
        boolean hedging,
        Path outputDir,
        Map<String, String> providerEnv,
        Map<String, String> cliEnv,
        Map<String, Integer> retryCounts,
        Map<String, Double> estimates,
        Duration teardownLimit,
        List<String> downloadGlobs,
        boolean downloadGlobsFailureOnly) {

    /**
     * The settings of a run of {@code config} with the front door's {@code options}.
     *
     * @param maxParallel {@code --parallel}, else {@code max_parallel}
     */
    static RunSettings of(
            Config config,
            RunOptions options,
            String runId,
            int maxParallel,
            Map<String, Double> estimates,
            Duration teardownLimit) {
        Map<String, Integer> retries =
                config.groups().stream().collect(Collectors.toMap(GroupConfig::name, GroupConfig::retryCount));
        return new RunSettings(
                runId,
                maxParallel,
                Duration.ofSeconds(config.offload().testTimeoutSecs()),
                options.failFast(),
                config.offload().impatientlyRequeueBatches(),
                config.report().outputDir(),
                config.provider().env(),
                options.env(),
                retries,
                estimates,
                teardownLimit,
                config.report().downloadGlobs(),
                config.report().downloadGlobsFailureOnly());
    }

    /** Settings without artifact collection. */
    public RunSettings(
            String runId,
            int maxParallel,
            Duration batchTimeout,
            boolean failFast,
            boolean hedging,
            Path outputDir,
            Map<String, String> providerEnv,
            Map<String, String> cliEnv,
            Map<String, Integer> retryCounts,
            Map<String, Double> estimates,
            Duration teardownLimit) {
        this(
                runId,
                maxParallel,
                batchTimeout,
                failFast,
                hedging,
                outputDir,
                providerEnv,
                cliEnv,
                retryCounts,
                estimates,
                teardownLimit,
                List.of(),
                false);
    }

    public RunSettings {
        downloadGlobs = List.copyOf(downloadGlobs);
        providerEnv = Map.copyOf(providerEnv);
        cliEnv = Map.copyOf(cliEnv);
        retryCounts = Map.copyOf(retryCounts);
        estimates = Map.copyOf(estimates);
    }

    Path logsDir() {
        return outputDir.resolve("logs");
    }

    Path artifactsDir() {
        return outputDir.resolve("artifacts");
    }

    Path junitPartsDir() {
        return outputDir.resolve("junit-parts");
    }

    double estimate(String id) {
        return estimates.getOrDefault(id, 1.0);
    }
}
