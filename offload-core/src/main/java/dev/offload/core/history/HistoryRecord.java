package dev.offload.core.history;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The value of one history line (SPEC §12.1).
 *
 * @param attempts {@code n}: attempts ever recorded
 * @param failures {@code f}: failed attempts among them
 * @param lastRun the run id of the newest attempt
 * @param ok reservoir of passed attempts, oldest first
 * @param fail reservoir of failed attempts, oldest first
 */
public record HistoryRecord(long attempts, long failures, String lastRun, List<Sample> ok, List<Sample> fail) {

    public HistoryRecord {
        ok = List.copyOf(ok);
        fail = List.copyOf(fail);
    }

    static HistoryRecord empty() {
        return new HistoryRecord(0, 0, "", List.of(), List.of());
    }

    /** This record after one more attempt, its sample going into the matching reservoir (SPEC §12.3, §12.4). */
    HistoryRecord plus(boolean passed, Sample sample, int capacity) {
        List<Sample> newOk = passed ? Reservoir.add(ok, sample, capacity) : ok;
        List<Sample> newFail = passed ? fail : Reservoir.add(fail, sample, capacity);
        return new HistoryRecord(attempts + 1, failures + (passed ? 0 : 1), sample.runId(), newOk, newFail);
    }

    /** The newest timestamp of either reservoir, or {@code Long.MIN_VALUE} without samples. */
    long newestTimestamp() {
        return Stream.concat(ok.stream(), fail.stream())
                .mapToLong(Sample::timestampMs)
                .max()
                .orElse(Long.MIN_VALUE);
    }

    List<Sample> allSamples() {
        List<Sample> all = new ArrayList<>(ok);
        all.addAll(fail);
        return all;
    }
}
