package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class StreamedEventsTest {
    private final List<String> ended = new ArrayList<>();
    private final StreamedEvents events = new StreamedEvents("ab12", ended::add);

    @Test
    void endEventsReportTheirIdAndEveryEventLineStaysOutOfTheLog() {
        assertThat(events.accept("##offload:ab12## {\"ev\": \"start\", \"id\": \"t.py::a\"}"))
                .isTrue();
        assertThat(events.accept(
                        "##offload:ab12## {\"ev\": \"end\", \"id\": \"t.py::a\", \"status\": \"passed\", \"ms\": 3}"))
                .isTrue();
        assertThat(events.accept("##offload:ab12## {not json")).isTrue();

        assertThat(ended).containsExactly("t.py::a");
    }

    @Test
    void ordinaryOutputAndOtherTokensAreLogLines() {
        assertThat(events.accept("t.py::a PASSED")).isFalse();
        assertThat(events.accept("##offload:other## {\"ev\": \"end\", \"id\": \"t.py::a\"}"))
                .isFalse();
        assertThat(events.accept("  ##offload:ab12## {\"ev\": \"end\", \"id\": \"t.py::a\"}"))
                .isFalse();

        assertThat(ended).isEmpty();
    }
}
