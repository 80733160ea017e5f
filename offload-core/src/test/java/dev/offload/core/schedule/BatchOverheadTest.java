package dev.offload.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BatchOverheadTest {

    @Test
    void beforeAnyBatchFinishedTheProviderDefaultApplies() {
        assertThat(BatchOverhead.initialSecs("local")).isEqualTo(1.0);
        assertThat(BatchOverhead.initialSecs("docker")).isEqualTo(2.0);
        assertThat(BatchOverhead.initialSecs("modal")).isEqualTo(5.0);
        assertThat(BatchOverhead.initialSecs("default")).isEqualTo(5.0);

        var overhead = new BatchOverhead(2.0);
        assertThat(overhead.secs()).isEqualTo(2.0);
        assertThat(overhead.measured()).isEmpty();
    }

    @Test
    void overheadIsTheMedianOfWallTimeMinusReportedTestTime() {
        var overhead = new BatchOverhead(5.0);

        assertThat(overhead.add(Duration.ofSeconds(10), 7.0)).isEqualTo(3.0);
        overhead.add(Duration.ofSeconds(4), 3.0); // 1 s
        assertThat(overhead.secs()).isEqualTo(2.0); // median of 1 and 3
        overhead.add(Duration.ofSeconds(20), 0.5); // 19.5 s: an outlier does not move the median far
        assertThat(overhead.secs()).isEqualTo(3.0);
        assertThat(overhead.sampleCount()).isEqualTo(3);
    }

    @Test
    void testsReportingMoreThanTheWallTimeCountAsNoOverhead() {
        var overhead = new BatchOverhead(1.0);

        overhead.add(Duration.ofSeconds(2), 2.5); // rounding in the runner's times

        assertThat(overhead.measured()).hasValue(0.0);
    }
}
