package dev.offload.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {

    @Test
    void formatsLikeTheSpecExamples() {
        assertThat(Durations.format(Duration.ofMillis(850))).isEqualTo("850ms");
        assertThat(Durations.format(Duration.ofMillis(6000))).isEqualTo("6.0s");
        assertThat(Durations.format(Duration.ofMillis(83_400))).isEqualTo("1m 23.4s");
        assertThat(Durations.format(Duration.ofSeconds(3723))).isEqualTo("1h 02m 03s");
    }

    @Test
    void roundingNeverShowsSixtySecondsOrThousandMilliseconds() {
        assertThat(Durations.format(Duration.ZERO)).isEqualTo("0ms");
        assertThat(Durations.format(Duration.ofNanos(999_600_000))).isEqualTo("1.0s");
        assertThat(Durations.format(Duration.ofMillis(59_960))).isEqualTo("1m 0.0s");
        assertThat(Durations.format(Duration.ofMillis(3_599_960))).isEqualTo("1h 00m 00s");
        assertThat(Durations.format(Duration.ofMillis(-5))).isEqualTo("0ms");
        assertThat(Durations.formatSecs(38.2)).isEqualTo("38.2s");
    }
}
