package dev.offload.core.history;

import dev.offload.core.config.HistoryConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.SortedMap;
import java.util.function.Consumer;

/**
 * Expected durations from history (SPEC §12.5), step (1) of the estimates of §9.1. Only tests with samples get an
 * estimate here; the fallbacks of §12.5 for the others (the mean over the config's tests, then {@code
 * default_duration_secs}) are the group mean and fallback steps of {@code DurationEstimator}.
 */
public final class HistoryEstimates {
    private static final double P75 = 75;

    private HistoryEstimates() {}

    /**
     * Reads the history file of {@code history} and estimates the tests recorded under {@code configFile}'s name. An
     * unreadable file is a warning and gives no estimates; a bad line is a warning naming it (§12.2).
     */
    public static Map<String, Double> load(HistoryConfig history, Path configFile, Consumer<String> warnings) {
        HistoryFile.Content content;
        try {
            content = HistoryFile.read(history.path(), history.reservoirSize());
        } catch (IOException e) {
            warnings.accept(
                    "cannot read history " + history.path() + ": " + e.getMessage() + "; estimating without it");
            return Map.of();
        }
        content.dropped().forEach(d -> warnings.accept(d.warning()));
        return of(content.records(), configName(configFile));
    }

    /** The key's config part: the file-name part of the config path (§12.1). */
    public static String configName(Path configFile) {
        return configFile.getFileName().toString();
    }

    /** Estimates per test id of the tests recorded under {@code configName} that have samples. */
    public static Map<String, Double> of(SortedMap<HistoryKey, HistoryRecord> records, String configName) {
        Map<String, Double> estimates = new HashMap<>();
        records.forEach((key, record) -> {
            if (key.config().equals(configName)) {
                expected(record).ifPresent(secs -> estimates.put(key.testId(), secs));
            }
        });
        return Collections.unmodifiableMap(estimates);
    }

    /** (1 − f/n)·ok_p75 + (f/n)·fail_p75 when both exist, else whichever exists. */
    static Optional<Double> expected(HistoryRecord record) {
        OptionalDouble ok = percentile(record.ok(), P75);
        OptionalDouble fail = percentile(record.fail(), P75);
        if (ok.isPresent() && fail.isPresent() && record.attempts() > 0) {
            double failShare = Math.min(1.0, (double) record.failures() / record.attempts());
            return Optional.of((1 - failShare) * ok.getAsDouble() + failShare * fail.getAsDouble());
        }
        if (ok.isPresent()) {
            return Optional.of(ok.getAsDouble());
        }
        return fail.isPresent() ? Optional.of(fail.getAsDouble()) : Optional.empty();
    }

    /**
     * Percentile {@code p}: sorted durations, index round(p/100·(n−1)). SPEC §12.5 states it for reservoirs of at
     * least 5 samples; smaller ones use the same index (the only sample, or the larger of two), so the run after the
     * first is already scheduled from measured durations.
     */
    static OptionalDouble percentile(List<Sample> samples, double p) {
        if (samples.isEmpty()) {
            return OptionalDouble.empty();
        }
        List<Double> durations =
                new ArrayList<>(samples.stream().map(Sample::secs).toList());
        Collections.sort(durations);
        int index = (int) Math.round(p / 100 * (durations.size() - 1));
        return OptionalDouble.of(durations.get(index));
    }
}
