package dev.offload.core.schedule;

import dev.offload.core.framework.DiscoveredTest;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-test duration estimates (SPEC §9.1), first that applies: (1) the history estimate, (2) the test's time in the
 * previous {@code junit.xml}, (3) the group default = mean of the (1)/(2) values among the group's tests, (4) the
 * fallback. Values that are not finite or are negative count as absent, so a damaged input cannot upset the ordering.
 */
public final class DurationEstimator {
    private final Map<String, Double> historyEstimates;
    private final Map<String, Double> previousJunitTimes;
    private final double fallbackSecs;

    /**
     * @param historyEstimates (1) per test id: history estimates of tests that have samples (SPEC §12.5)
     * @param previousJunitTimes (2) per test id: the {@code time} in the previous junit file, the maximum over duplicate
     *     testcases; empty when there is none
     * @param fallbackSecs (4) {@code [history].default_duration_secs} when history is configured, else 1.0
     */
    public DurationEstimator(
            Map<String, Double> historyEstimates, Map<String, Double> previousJunitTimes, double fallbackSecs) {
        if (!usable(fallbackSecs)) {
            throw new IllegalArgumentException("fallback duration must be finite and >= 0: " + fallbackSecs);
        }
        this.historyEstimates = Map.copyOf(historyEstimates);
        this.previousJunitTimes = Map.copyOf(previousJunitTimes);
        this.fallbackSecs = fallbackSecs;
    }

    /** The estimator CI sharding uses (SPEC §14): steps (1), (3) and (4) only, never the previous junit file. */
    public static DurationEstimator forSharding(Map<String, Double> historyEstimates, double fallbackSecs) {
        return new DurationEstimator(historyEstimates, Map.of(), fallbackSecs);
    }

    /**
     * Estimates every test. The result iterates in the order of {@code tests}; an id listed twice keeps its first
     * group.
     */
    public Map<String, Double> estimate(List<DiscoveredTest> tests) {
        Map<String, DiscoveredTest> unique = new LinkedHashMap<>();
        tests.forEach(t -> unique.putIfAbsent(t.id(), t));
        Map<String, GroupMean> groups = new HashMap<>();
        for (DiscoveredTest test : unique.values()) {
            GroupMean mean = groups.computeIfAbsent(test.group(), g -> new GroupMean());
            known(test.id()).ifPresent(mean::add);
        }
        Map<String, Double> estimates = new LinkedHashMap<>();
        for (DiscoveredTest test : unique.values()) {
            double value =
                    known(test.id()).or(() -> groups.get(test.group()).mean()).orElse(fallbackSecs);
            estimates.put(test.id(), value);
        }
        return Collections.unmodifiableMap(estimates);
    }

    /** Steps (1) and (2): what is known about this very test. */
    private Optional<Double> known(String id) {
        Double history = historyEstimates.get(id);
        if (history != null && usable(history)) {
            return Optional.of(history);
        }
        Double junit = previousJunitTimes.get(id);
        return junit != null && usable(junit) ? Optional.of(junit) : Optional.empty();
    }

    private static boolean usable(double secs) {
        return Double.isFinite(secs) && secs >= 0;
    }

    private static final class GroupMean {
        private double sum;
        private int count;

        void add(double secs) {
            sum += secs;
            count++;
        }

        Optional<Double> mean() {
            return count == 0 ? Optional.empty() : Optional.of(sum / count);
        }
    }
}
