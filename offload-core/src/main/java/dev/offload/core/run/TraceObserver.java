package dev.offload.core.run;

import dev.offload.core.trace.TraceRecorder;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Turns the orchestrator's events into trace spans (SPEC §11.5) and passes every event on: {@code sandbox_create} per
 * sandbox and {@code sandbox_pool_create} from the pool's start to the sandbox being ready, {@code batch_<N>} per batch
 * on its sandbox's Exec thread, and the start of {@code sandbox_cleanup}, which {@link OffloadRun} closes after
 * teardown.
 */
final class TraceObserver extends ForwardingObserver {
    private final TraceRecorder trace;
    private final Set<Integer> created = new HashSet<>();
    private Instant poolStarted;
    private Instant lastReady;
    private Instant runFinished;

    TraceObserver(RunObserver delegate, TraceRecorder trace) {
        super(delegate);
        this.trace = trace;
    }

    @Override
    public void started(int total, int sandboxes) {
        synchronized (this) {
            poolStarted = trace.now();
        }
        super.started(total, sandboxes);
    }

    @Override
    public void sandboxReady(int slot) {
        synchronized (this) {
            Instant now = trace.now();
            // Replacements (after infrastructure errors) have no observable start; the first creation is traced.
            if (poolStarted != null && created.add(slot)) {
                trace.sandboxSpan("sandbox_create", slot, TraceRecorder.API_TID, poolStarted, now, Map.of());
                lastReady = now;
            }
        }
        super.sandboxReady(slot);
    }

    @Override
    public void batchFinished(BatchRecord batch) {
        trace.sandboxSpan(
                "batch_" + batch.number(),
                batch.sandbox(),
                TraceRecorder.EXEC_TID,
                batch.started(),
                batch.finished(),
                Map.of(
                        "batch_index", batch.number(),
                        "test_count", batch.tests(),
                        "sandbox_index", batch.sandbox(),
                        "outcome", batch.outcome().suffix(),
                        "hedge", batch.hedge(),
                        "retry", batch.retry()));
        super.batchFinished(batch);
    }

    @Override
    public void finished() {
        synchronized (this) {
            runFinished = trace.now();
            if (poolStarted != null) {
                trace.phase("sandbox_pool_create", poolStarted, lastReady != null ? lastReady : runFinished);
            }
        }
        super.finished();
    }

    /** Closes {@code sandbox_cleanup}: from the end of the last batch until every sandbox is torn down. */
    synchronized void teardownDone() {
        if (runFinished != null) {
            trace.phase("sandbox_cleanup", runFinished, trace.now());
        }
    }
}
