package dev.offload.core.trace;

import java.util.Map;

/**
 * One Chrome trace event (SPEC §11.5): {@code ph} is {@code X} (span), {@code M} (metadata) or {@code i} (instant,
 * thread scope). {@code ts} and {@code dur} are microseconds since the run started.
 */
record TraceEvent(String name, String cat, String ph, long ts, Long dur, int pid, int tid, Map<String, Object> args) {
    TraceEvent {
        args = args == null ? null : Map.copyOf(args);
    }
}
