package dev.offload.core.framework;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class StreamedEventsTest {
    private final StreamedEvents events = new StreamedEvents("t0k");

    @Test
    void endEventCarriesTheResultWithItsFailure() {
        var event = events.parse("##offload:t0k## {\"ev\":\"end\",\"id\":\"x y\",\"class\":\"C\",\"status\":\"failed\","
                        + "\"ms\":1500,\"err\":{\"type\":\"T\",\"message\":\"m\",\"trace\":\"T: m\\n\\tat z\",\"kind\":\"error\"},"
                        + "\"stdout\":\"hello\\n\"}")
                .orElseThrow();

        assertThat(event.kind()).isEqualTo(StreamedEvent.Kind.END);
        TestCaseResult result = event.result().orElseThrow();
        assertThat(result.name()).isEqualTo("x y");
        assertThat(result.classname()).isEqualTo("C");
        assertThat(result.timeSecs()).isEqualTo(1.5);
        assertThat(result.status()).isEqualTo(TestCaseResult.Status.FAILED);
        assertThat(result.failure()).contains(new TestCaseResult.Failure(true, "T", "m", "T: m\n\tat z"));
        assertThat(result.systemOut()).isEqualTo("hello\n");
        assertThat(result.systemErr()).isEmpty();
    }

    @Test
    void abortedAndSkippedAreSkipsAndDynEventsNameTheirParent() {
        assertThat(events.parse("##offload:t0k## {\"ev\":\"end\",\"id\":\"a\",\"status\":\"aborted\"}")
                        .orElseThrow()
                        .result()
                        .orElseThrow()
                        .status())
                .isEqualTo(TestCaseResult.Status.SKIPPED);
        assertThat(events.parse("##offload:t0k## {\"ev\":\"dyn\",\"id\":\"p/[i:#1]\",\"parent\":\"p\"}")
                        .orElseThrow()
                        .parent())
                .contains("p");
    }

    @Test
    void otherTokensAndBrokenLinesAreNotEvents() {
        assertThat(events.parse("##offload:other## {\"ev\":\"end\",\"id\":\"a\",\"status\":\"passed\"}"))
                .isEmpty();
        assertThat(events.isEvent("##offload:t0k## {broken")).isTrue();
        assertThat(events.parse("##offload:t0k## {broken")).isEmpty();
        assertThat(events.parse("##offload:t0k## {\"ev\":\"end\",\"id\":\"a\",\"status\":\"weird\"}"))
                .isEmpty();
        assertThat(events.parse("plain output")).isEmpty();
    }

    @Test
    void tokensAreRandom() {
        assertThat(StreamedEvents.newToken()).hasSize(16).isNotEqualTo(StreamedEvents.newToken());
    }
}
