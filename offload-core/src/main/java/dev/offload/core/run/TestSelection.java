package dev.offload.core.run;

import dev.offload.core.config.Config;
import dev.offload.core.config.HistoryConfig;
import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.framework.DiscoveryException;
import dev.offload.core.framework.Framework;
import dev.offload.core.framework.TestDiscovery;
import dev.offload.core.history.HistoryEstimates;
import dev.offload.core.report.Durations;
import dev.offload.core.schedule.DurationEstimator;
import dev.offload.core.schedule.Shard;
import dev.offload.core.schedule.ShardPartitioner;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The tests a run (or {@code collect}) works on: discovered (SPEC §7.1), cut to the shard (§14), with an estimate each
 * (§9.1). Shared by {@link OffloadRun} and {@link Collect}.
 *
 * @param discovered every discovered test, in discovery order
 * @param selected the shard's tests (all of them without a shard), in discovery order
 * @param estimates expected seconds per selected test id
 */
public record TestSelection(
        List<DiscoveredTest> discovered, List<DiscoveredTest> selected, Map<String, Double> estimates) {

    public TestSelection {
        discovered = List.copyOf(discovered);
        selected = List.copyOf(selected);
        estimates = Map.copyOf(estimates);
    }

    static TestSelection discover(
            Config config,
            Framework framework,
            Path tempDir,
            Optional<Shard> shard,
            Map<String, Double> previousDurations,
            RunObserver observer)
            throws DiscoveryException, InterruptedException {
        observer.phase("[discover] starting: test discovery");
        long t0 = System.nanoTime();
        List<DiscoveredTest> tests = TestDiscovery.discoverAll(framework, config, tempDir, observer::warning);
        long groups = tests.stream().map(DiscoveredTest::group).distinct().count();
        observer.phase("[discover] finished: test discovery [%d tests across %d groups, took %s]"
                .formatted(tests.size(), groups, Durations.format(Duration.ofNanos(System.nanoTime() - t0))));
        return of(config, tests, shard, previousDurations, observer);
    }

    /** Tests discovered by the caller (the JUnit engine, SPEC §16.4), cut to the shard and estimated. */
    static TestSelection of(
            Config config,
            List<DiscoveredTest> tests,
            Optional<Shard> shard,
            Map<String, Double> previousDurations,
            RunObserver observer) {
        // History first (SPEC §9.1 step 1); a damaged line is a warning naming it, never fatal (§12.2).
        Map<String, Double> history = config.history()
                .map(h -> HistoryEstimates.load(h, config.file(), observer::warning))
                .orElse(Map.of());
        List<DiscoveredTest> selected =
                shard.map(s -> cut(config, tests, s, history)).orElse(tests);
        double fallback = fallbackSecs(config);
        Map<String, Double> estimates = new DurationEstimator(history, previousDurations, fallback).estimate(selected);
        return new TestSelection(tests, selected, estimates);
    }

    private static List<DiscoveredTest> cut(
            Config config, List<DiscoveredTest> tests, Shard shard, Map<String, Double> history) {
        // Shards use history and defaults only, so every CI job computes the same partition (SPEC §14).
        Map<String, Double> estimates =
                DurationEstimator.forSharding(history, fallbackSecs(config)).estimate(tests);
        List<String> ids = tests.stream().map(DiscoveredTest::id).toList();
        Set<String> kept = new HashSet<>(ShardPartitioner.select(estimates, ids, shard));
        return tests.stream().filter(t -> kept.contains(t.id())).toList();
    }

    private static double fallbackSecs(Config config) {
        return config.history().map(HistoryConfig::defaultDurationSecs).orElse(1.0);
    }

    /** Groups with at least one selected test. */
    long groupCount() {
        return selected.stream().map(DiscoveredTest::group).distinct().count();
    }
}
