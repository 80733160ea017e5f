package dev.offload.core.trace;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.Consumer;

/**
 * Collects the spans of one run and writes them as a Chrome trace (SPEC §11.5), the JSON array format Perfetto and
 * {@code chrome://tracing} load. pid 0 is Offload itself (tid 0 {@code Main}); sandbox i is pid i+1 with tids 0
 * {@code API}, 1 {@code Exec}, 2 {@code I/O}. A disabled recorder records nothing. Thread-safe.
 */
public final class TraceRecorder {
    public static final int MAIN_PID = 0;
    public static final int API_TID = 0;
    public static final int EXEC_TID = 1;
    public static final int IO_TID = 2;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final boolean enabled;
    private final Clock clock;
    private final Instant origin;
    private final List<TraceEvent> events = new ArrayList<>();
    private final TreeSet<Integer> sandboxes = new TreeSet<>();

    private TraceRecorder(boolean enabled, Clock clock) {
        this.enabled = enabled;
        this.clock = clock;
        this.origin = clock.instant();
    }

    /** Starts the trace now; with {@code enabled} false every call is a no-op. */
    public static TraceRecorder start(boolean enabled, Clock clock) {
        return new TraceRecorder(enabled, clock);
    }

    public static TraceRecorder disabled() {
        return new TraceRecorder(false, Clock.systemUTC());
    }

    public boolean enabled() {
        return enabled;
    }

    public Instant now() {
        return clock.instant();
    }

    /** A span of Offload itself (pid 0, tid 0), e.g. {@code discovery}, from {@code start} until now. */
    public void phase(String name, Instant start) {
        phase(name, start, now());
    }

    /** A span of Offload itself (pid 0, tid 0) between two instants. */
    public void phase(String name, Instant start, Instant end) {
        span(name, "phase", MAIN_PID, API_TID, start, end, Map.of());
    }

    /** A span on sandbox {@code slot}'s thread {@code tid}. */
    public void sandboxSpan(String name, int slot, int tid, Instant start, Instant end, Map<String, Object> args) {
        span(name, "sandbox", slot + 1, tid, start, end, args);
    }

    /** An instant event on Offload's main thread, e.g. the run's end. */
    public void instant(String name) {
        add(new TraceEvent(name, "run", "i", micros(now()), null, MAIN_PID, API_TID, null));
    }

    private void span(String name, String cat, int pid, int tid, Instant start, Instant end, Map<String, Object> args) {
        long ts = micros(start);
        long dur = Math.max(0, micros(end) - ts);
        add(new TraceEvent(name, cat, "X", ts, dur, pid, tid, args.isEmpty() ? null : args));
    }

    private synchronized void add(TraceEvent event) {
        if (!enabled) {
            return;
        }
        events.add(event);
        if (event.pid() != MAIN_PID) {
            sandboxes.add(event.pid() - 1);
        }
    }

    /** Microseconds since the trace started, never negative. */
    private long micros(Instant instant) {
        return Math.max(0, Duration.between(origin, instant).toNanos() / 1000);
    }

    /** The events to write: names first ({@code M}), then the rest ordered by time. */
    synchronized List<TraceEvent> events() {
        List<TraceEvent> all = new ArrayList<>(metadata());
        List<TraceEvent> timed = new ArrayList<>(events);
        timed.sort(Comparator.comparingLong(TraceEvent::ts));
        all.addAll(timed);
        return all;
    }

    private List<TraceEvent> metadata() {
        List<TraceEvent> names = new ArrayList<>();
        names.add(name("process_name", MAIN_PID, 0, "Offload (Local)"));
        names.add(name("thread_name", MAIN_PID, API_TID, "Main"));
        for (int slot : sandboxes) {
            names.add(name("process_name", slot + 1, 0, "Sandbox " + slot));
            names.add(name("thread_name", slot + 1, API_TID, "API"));
            names.add(name("thread_name", slot + 1, EXEC_TID, "Exec"));
            names.add(name("thread_name", slot + 1, IO_TID, "I/O"));
        }
        return names;
    }

    private static TraceEvent name(String kind, int pid, int tid, String value) {
        return new TraceEvent(kind, "__metadata", "M", 0, null, pid, tid, Map.of("name", value));
    }

    /**
     * Ends the trace with a {@code run_finished} instant and writes {@code trace.json} into {@code outputDir}, when
     * enabled. The trace is a report among others: a failed write is a warning, never the run's failure.
     *
     * @param written told {@code Trace written to <path>}
     * @param warnings told why the file could not be written
     */
    public void finishInto(Path outputDir, Consumer<String> written, Consumer<String> warnings) {
        if (!enabled()) {
            return;
        }
        Path file = outputDir.resolve("trace.json");
        instant("run_finished");
        try {
            write(file);
            written.accept("Trace written to " + file);
        } catch (IOException e) {
            warnings.accept("could not write " + file + ": " + e.getMessage());
        }
    }

    /** Writes the trace through a temporary sibling and a rename. Does nothing when disabled. */
    public void write(Path file) throws IOException {
        if (!enabled) {
            return;
        }
        Path target = file.toAbsolutePath();
        Files.createDirectories(target.getParent());
        Path temp = target.resolveSibling("." + target.getFileName() + ".tmp");
        try (OutputStream out = Files.newOutputStream(temp);
                JsonGenerator json = MAPPER.getFactory().createGenerator(out)) {
            json.writeStartArray();
            for (TraceEvent e : events()) {
                writeEvent(json, e);
            }
            json.writeEndArray();
        }
        try {
            Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void writeEvent(JsonGenerator json, TraceEvent e) throws IOException {
        json.writeStartObject();
        json.writeStringField("name", e.name());
        json.writeStringField("cat", e.cat());
        json.writeStringField("ph", e.ph());
        json.writeNumberField("ts", e.ts());
        if (e.dur() != null) {
            json.writeNumberField("dur", e.dur());
        }
        json.writeNumberField("pid", e.pid());
        json.writeNumberField("tid", e.tid());
        if (e.ph().equals("i")) {
            json.writeStringField("s", "t"); // thread-scoped instant: a field of its own, not an args entry
        }
        if (e.args() != null) {
            json.writeFieldName("args");
            MAPPER.writeValue(json, new LinkedHashMap<>(e.args()));
        }
        json.writeEndObject();
        json.writeRaw('\n');
    }
}
