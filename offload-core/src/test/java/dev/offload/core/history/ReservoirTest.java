package dev.offload.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reservoir of SPEC §12.4 with fixed timestamps: deterministic, recency-weighted, capacity-bounded. */
class ReservoirTest {

    @Test
    void splitmix64MatchesTheReferenceSequence() {
        // The first output of the reference SplitMix64 generator seeded with 0.
        assertThat(Reservoir.splitmix64(0)).isEqualTo(0xE220A8397B1DCDAFL);
        assertThat(Reservoir.uniform(0)).isEqualTo((0xE220A8397B1DCDAFL >>> 11) * 0x1.0p-53);
    }

    @Test
    void uniformValuesLieInTheOpenUnitInterval() {
        for (long ts = 1_700_000_000_000L; ts < 1_700_000_000_000L + 1000; ts++) {
            assertThat(Reservoir.uniform(ts)).isGreaterThan(0).isLessThan(1);
        }
    }

    @Test
    void belowCapacityEverySampleIsAppended() {
        List<Sample> samples = List.of();
        for (int i = 0; i < 3; i++) {
            samples = Reservoir.add(samples, sample(1000 + i, i), 3);
        }
        assertThat(samples).extracting(Sample::timestampMs).containsExactly(1000L, 1001L, 1002L);
    }

    @Test
    void atCapacityTheNewSampleReplacesTheSmallestKeyOnlyWhenItsOwnKeyIsLarger() {
        List<Sample> full = List.of(sample(10, 1), sample(20, 2), sample(30, 3));
        for (long ts = 31; ts < 200; ts++) {
            Sample added = sample(ts, 9);
            List<Sample> after = Reservoir.add(full, added, 3);

            // Existing samples ranked newest first: 30 → 1, 20 → 2, 10 → 3; the new one has rank 0.
            double[] keys = {Reservoir.key(full.get(2), 1), Reservoir.key(full.get(1), 2), Reservoir.key(full.get(0), 3)
            };
            int victim = 0;
            for (int i = 1; i < 3; i++) {
                if (keys[i] < keys[victim]) {
                    victim = i;
                }
            }
            assertThat(after).hasSize(3);
            if (Reservoir.key(added, 0) > keys[victim]) {
                assertThat(after).contains(added).doesNotContain(full.get(2 - victim));
            } else {
                assertThat(after).isEqualTo(full);
            }
        }
    }

    @Test
    void theSameInputsKeepTheSameSamplesOnEveryMachine() {
        assertThat(fill(500, 20)).isEqualTo(fill(500, 20));
    }

    @Test
    void recentSamplesAreFavoured() {
        List<Sample> kept = fill(1000, 20);

        assertThat(kept).hasSize(20);
        double meanAge =
                kept.stream().mapToLong(s -> 1000 - s.timestampMs()).average().orElseThrow();
        // Uniform sampling would keep an average age near 500; the weighting favours recent runs.
        assertThat(meanAge).isLessThan(400);
        assertThat(kept).isSortedAccordingTo(Comparator.comparingLong(Sample::timestampMs));
    }

    @Test
    void mergeDropsDuplicateTimestampsAndKeepsAllWithinCapacity() {
        List<Sample> ours = List.of(sample(1, 1), sample(2, 2));
        List<Sample> theirs = List.of(sample(2, 2), sample(3, 3));

        assertThat(Reservoir.merge(ours, theirs, 20))
                .extracting(Sample::timestampMs)
                .containsExactly(1L, 2L, 3L);
    }

    @Test
    void mergeAboveCapacityKeepsTheLargestKeysByRank() {
        List<Sample> ours = new ArrayList<>();
        List<Sample> theirs = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ours.add(sample(100 + i, i));
            theirs.add(sample(200 + i, i));
        }

        List<Sample> merged = Reservoir.merge(ours, theirs, 5);

        List<Sample> newestFirst = new ArrayList<>(ours);
        newestFirst.addAll(theirs);
        newestFirst.sort(Comparator.comparingLong(Sample::timestampMs).reversed());
        List<Long> expected = new ArrayList<>();
        List<Integer> ranks = new ArrayList<>();
        for (int rank = 0; rank < newestFirst.size(); rank++) {
            ranks.add(rank);
        }
        ranks.sort(Comparator.comparingDouble(r -> -Reservoir.key(newestFirst.get(r), r)));
        ranks.subList(0, 5).forEach(r -> expected.add(newestFirst.get(r).timestampMs()));
        expected.sort(Long::compare);
        assertThat(merged).extracting(Sample::timestampMs).containsExactlyElementsOf(expected);
    }

    private static List<Sample> fill(int count, int capacity) {
        List<Sample> samples = List.of();
        for (long ts = 0; ts < count; ts++) {
            samples = Reservoir.add(samples, sample(ts, ts), capacity);
        }
        return samples;
    }

    private static Sample sample(long timestampMs, double secs) {
        return new Sample("run" + timestampMs, timestampMs, secs);
    }
}
