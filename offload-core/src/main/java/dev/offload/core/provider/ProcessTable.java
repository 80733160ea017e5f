package dev.offload.core.provider;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parent → children of every process on the machine, read in one pass and shared by every running batch for a short
 * while. Each batch records its descendants once a second ({@link ProcessTree#snapshot}); with 32 local batches,
 * 32 scans of the whole process table a second cost the coordinator seconds of system CPU in a run (docs/benchmarks.md),
 * while one shared scan a second costs one.
 */
final class ProcessTable {
    private static final Object LOCK = new Object();
    private static ProcessTable latest;

    private final long readAt;
    private final Map<Long, List<ProcessHandle>> children;

    private ProcessTable(long readAt, Map<Long, List<ProcessHandle>> children) {
        this.readAt = readAt;
        this.children = children;
    }

    /** A table read at most {@code maxAgeNanos} ago: the last one, or a new one. */
    static ProcessTable recent(long maxAgeNanos) {
        synchronized (LOCK) {
            long now = System.nanoTime();
            if (latest == null || now - latest.readAt > maxAgeNanos) {
                latest = read(now);
            }
            return latest;
        }
    }

    /** The descendants of {@code root} in this table (not {@code root} itself). */
    List<ProcessHandle> descendants(ProcessHandle root) {
        List<ProcessHandle> found = new ArrayList<>();
        Deque<Long> pending = new ArrayDeque<>(List.of(root.pid()));
        while (!pending.isEmpty()) {
            for (ProcessHandle child : children.getOrDefault(pending.pop(), List.of())) {
                found.add(child);
                pending.push(child.pid());
            }
        }
        return found;
    }

    private static ProcessTable read(long now) {
        Map<Long, List<ProcessHandle>> children = new HashMap<>();
        ProcessHandle.allProcesses().forEach(p -> {
            Optional<ProcessHandle> parent = p.parent();
            parent.ifPresent(parentHandle -> children.computeIfAbsent(parentHandle.pid(), k -> new ArrayList<>())
                    .add(p));
        });
        return new ProcessTable(now, children);
    }
}
