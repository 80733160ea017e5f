package dev.offload.core.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Counter and sample arithmetic of the merge driver (SPEC §12.7). */
class HistoryMergeTest {
    private static final HistoryKey A = new HistoryKey("offload.toml", "tests/a.py::test_a");
    private static final HistoryKey B = new HistoryKey("offload.toml", "tests/b.py::test_b");

    @Test
    void withABaseEachSideAddsWhatItRecordedSinceTheBase() {
        HistoryRecord base = record(5, 1, "r0", ok(1, 2, 3));
        HistoryRecord ours = record(8, 2, "r1", ok(1, 2, 3, 10));
        HistoryRecord theirs = record(7, 1, "r2", ok(1, 2, 3, 20));

        HistoryRecord merged = HistoryMerge.records(base, ours, theirs, 20);

        assertThat(merged.attempts()).isEqualTo(5 + 3 + 2);
        assertThat(merged.failures()).isEqualTo(1 + 1 + 0);
        assertThat(merged.ok()).extracting(Sample::timestampMs).containsExactly(1L, 2L, 3L, 10L, 20L);
        assertThat(merged.lastRun()).isEqualTo("r2"); // theirs holds the newer sample
    }

    @Test
    void aSideBehindTheBaseAddsNothing() {
        assertThat(HistoryMerge.threeWay(5, 3, 9)).isEqualTo(9);
    }

    @Test
    void withoutABaseSharedSamplesAreNotCountedTwice() {
        // Runs at 1, 2, 3 on one side and 2, 3, 4 on the other: four distinct runs in all.
        HistoryRecord ours = record(3, 0, "r3", ok(1, 2, 3));
        HistoryRecord theirs = record(3, 0, "r4", ok(2, 3, 4));

        HistoryRecord merged = HistoryMerge.records(null, ours, theirs, 20);

        // ratio = 2 * 2 shared / 6 samples; 3 + 3 - floor(ratio * 3) = 4
        assertThat(merged.attempts()).isEqualTo(4);
        assertThat(merged.ok()).extracting(Sample::timestampMs).containsExactly(1L, 2L, 3L, 4L);
        assertThat(merged.lastRun()).isEqualTo("r4");
    }

    @Test
    void withoutABaseDisjointSidesAddUp() {
        HistoryRecord merged =
                HistoryMerge.records(null, record(2, 1, "a", ok(1, 2)), record(3, 2, "b", ok(5, 6, 7)), 20);

        assertThat(merged.attempts()).isEqualTo(5);
        assertThat(merged.failures()).isEqualTo(3);
    }

    @Test
    void equalNewestSamplesKeepOurLastRun() {
        HistoryRecord merged =
                HistoryMerge.records(null, record(1, 0, "ours", ok(5)), record(1, 0, "theirs", ok(5)), 20);

        assertThat(merged.lastRun()).isEqualTo("ours");
    }

    @Test
    void keysOnOneSideOnlyAreKeptAndNothingIsDropped() {
        SortedMap<HistoryKey, HistoryRecord> base = new TreeMap<>();
        base.put(A, record(1, 0, "r0", ok(1)));
        base.put(B, record(1, 0, "r0", ok(1)));
        SortedMap<HistoryKey, HistoryRecord> ours = new TreeMap<>();
        ours.put(A, record(2, 0, "r1", ok(1, 2))); // B deleted on our side
        SortedMap<HistoryKey, HistoryRecord> theirs = new TreeMap<>();
        HistoryKey c = new HistoryKey("offload.toml", "tests/c.py::test_c");
        theirs.put(c, record(1, 0, "r2", ok(3)));

        var merged = HistoryMerge.files(base, ours, theirs, 20);

        // Deletions are never propagated: B stays absent only because neither side has it, A and C are kept.
        assertThat(merged).containsOnlyKeys(A, c);
        assertThat(merged.get(A).attempts()).isEqualTo(2);
    }

    @Test
    void mergedReservoirsRespectTheSize() {
        HistoryRecord merged =
                HistoryMerge.records(null, record(3, 0, "a", ok(1, 2, 3)), record(3, 0, "b", ok(4, 5, 6)), 4);

        assertThat(merged.ok()).hasSize(4);
    }

    static HistoryRecord record(long n, long f, String lastRun, List<Sample> ok) {
        return new HistoryRecord(n, f, lastRun, ok, List.of());
    }

    static List<Sample> ok(long... timestamps) {
        return java.util.Arrays.stream(timestamps)
                .mapToObj(ts -> new Sample("run" + ts, ts, 0.5))
                .toList();
    }
}
