package dev.offload.core.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** Expected durations from history (SPEC §12.5). */
class HistoryEstimatesTest {

    @Test
    void p75IsTheSortedDurationAtRoundedIndex() {
        // n = 8: index round(0.75 * 7) = round(5.25) = 5
        assertThat(HistoryEstimates.percentile(samples(8, 7, 6, 5, 4, 3, 2, 1), 75)
                        .getAsDouble())
                .isEqualTo(6);
        // n = 5: index round(3.0) = 3
        assertThat(HistoryEstimates.percentile(samples(1, 2, 3, 4, 5), 75).getAsDouble())
                .isEqualTo(4);
    }

    @Test
    void aSingleSampleIsItsOwnPercentile() {
        assertThat(HistoryEstimates.percentile(samples(2.5), 75).getAsDouble()).isEqualTo(2.5);
    }

    @Test
    void failuresWeighTheEstimateByTheirShare() {
        var record = new HistoryRecord(4, 1, "r", samples(1, 1, 1, 1, 1), samples(9, 9, 9, 9, 9));

        // (1 - 1/4) * 1 + 1/4 * 9 = 3
        assertThat(HistoryEstimates.expected(record))
                .hasValueSatisfying(v -> assertThat(v).isCloseTo(3.0, within(1e-9)));
    }

    @Test
    void onlyFailedSamplesGiveTheFailPercentile() {
        var record = new HistoryRecord(2, 2, "r", List.of(), samples(4, 6));

        assertThat(HistoryEstimates.expected(record)).contains(6.0);
    }

    @Test
    void onlyTheGivenConfigsTestsWithSamplesAreEstimated() {
        SortedMap<HistoryKey, HistoryRecord> records = new TreeMap<>();
        records.put(new HistoryKey("offload.toml", "a"), new HistoryRecord(1, 0, "r", samples(2), List.of()));
        records.put(new HistoryKey("other.toml", "b"), new HistoryRecord(1, 0, "r", samples(3), List.of()));
        records.put(new HistoryKey("offload.toml", "c"), new HistoryRecord(0, 0, "", List.of(), List.of()));

        assertThat(HistoryEstimates.of(records, "offload.toml")).containsExactly(java.util.Map.entry("a", 2.0));
    }

    private static List<Sample> samples(double... secs) {
        return IntStream.range(0, secs.length)
                .mapToObj(i -> new Sample("r" + i, 1000L + i, secs[i]))
                .toList();
    }
}
