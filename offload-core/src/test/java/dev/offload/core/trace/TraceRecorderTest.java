package dev.offload.core.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Chrome trace-event shape of SPEC §11.5, which Perfetto loads. */
class TraceRecorderTest {
    private static final Instant T0 = Instant.parse("2026-11-29T12:00:00Z");

    @TempDir
    Path dir;

    @Test
    void spansMetadataAndInstantsHaveTheTraceEventShape() throws Exception {
        var clock = new MutableClock();
        TraceRecorder trace = TraceRecorder.start(true, clock);
        clock.now = T0.plusMillis(5);
        trace.phase("discovery", T0.plusMillis(1));
        trace.sandboxSpan(
                "batch_0", 2, TraceRecorder.EXEC_TID, T0.plusMillis(2), T0.plusMillis(4), Map.of("batch_index", 0));
        trace.instant("run_finished");
        Path file = dir.resolve("trace.json");

        trace.write(file);

        JsonNode events = new ObjectMapper().readTree(file.toFile());
        assertThat(events.isArray()).isTrue();
        JsonNode discovery = find(events, "discovery");
        assertThat(discovery.path("ph").asText()).isEqualTo("X");
        assertThat(discovery.path("ts").asLong()).isEqualTo(1000);
        assertThat(discovery.path("dur").asLong()).isEqualTo(4000);
        assertThat(discovery.path("pid").asInt()).isZero();
        JsonNode batch = find(events, "batch_0");
        assertThat(batch.path("pid").asInt()).isEqualTo(3);
        assertThat(batch.path("tid").asInt()).isEqualTo(1);
        assertThat(batch.path("args").path("batch_index").asInt()).isZero();
        JsonNode instant = find(events, "run_finished");
        assertThat(instant.path("ph").asText()).isEqualTo("i");
        assertThat(instant.path("s").asText()).isEqualTo("t");
        assertThat(instant.has("dur")).isFalse();
        assertThat(events.toString())
                .contains(
                        "{\"name\":\"process_name\",\"cat\":\"__metadata\",\"ph\":\"M\",\"ts\":0,\"pid\":0,\"tid\":0,\"args\":{\"name\":\"Offload (Local)\"}}",
                        "\"args\":{\"name\":\"Sandbox 2\"}",
                        "\"pid\":3,\"tid\":2,\"args\":{\"name\":\"I/O\"}");
    }

    @Test
    void aDisabledTraceRecordsAndWritesNothing() throws Exception {
        TraceRecorder trace = TraceRecorder.start(false, Clock.systemUTC());
        trace.phase("discovery", trace.now());

        trace.write(dir.resolve("trace.json"));

        assertThat(dir.resolve("trace.json")).doesNotExist();
    }

    private static JsonNode find(JsonNode events, String name) {
        for (JsonNode e : events) {
            if (e.path("name").asText().equals(name)) {
                return e;
            }
        }
        throw new AssertionError("no event " + name + " in " + events);
    }

    private static final class MutableClock extends Clock {
        Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
