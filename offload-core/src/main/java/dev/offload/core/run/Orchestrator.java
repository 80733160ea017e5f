package dev.offload.core.run;

import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.framework.Framework;
import dev.offload.core.provider.Provider;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs scheduled batches over a pipelined pool of sandboxes until every test is decided (SPEC §9.4-§10), then tears
 * every sandbox down (§8.4). One instance per run.
 */
public final class Orchestrator {
    private final Framework framework;
    private final Provider provider;
    private final RunSettings settings;
    private final RunObserver observer;
    private final Clock clock;
    private final AtomicReference<Dispatcher> dispatcher = new AtomicReference<>();
    private final AtomicReference<String> pendingCancel = new AtomicReference<>();

    /**
     * What the run produced, before reports.
     *
     * @param outcomes exactly one per discovered test, in discovery order
     * @param sandboxes sandboxes created
     * @param sandboxSeconds sum of sandbox lifetimes, for the cost estimate
     * @param leftoverSandboxes ids not confirmed destroyed
     */
    public record Execution(
            List<TestOutcome> outcomes,
            List<BatchRecord> batches,
            int sandboxes,
            double sandboxSeconds,
            List<String> leftoverSandboxes) {}

    public Orchestrator(
            Framework framework, Provider provider, RunSettings settings, RunObserver observer, Clock clock) {
        this.framework = framework;
        this.provider = provider;
        this.settings = settings;
        this.observer = observer;
        this.clock = clock;
    }

    /**
     * Runs the initial queue (from the scheduler, in queue order) to completion.
     *
     * @param tests every discovered test, in discovery order
     * @param initialQueue batches of ids, heaviest first (SPEC §9.3)
     */
    public Execution run(List<DiscoveredTest> tests, List<List<String>> initialQueue) throws InterruptedException {
        int slots = Math.min(settings.maxParallel(), initialQueue.size());
        var dispatch = new Dispatcher(tests, initialQueue, slots, settings, observer, clock);
        dispatcher.set(dispatch);
        String cancelled = pendingCancel.get();
        if (cancelled != null) {
            dispatch.cancel(cancelled);
        }
        var registry = new SandboxRegistry(clock, observer::warning);
        if (slots > 0) {
            observer.started(tests.size(), slots);
            observer.phase("Creating " + slots + " sandboxes...");
            runWorkers(slots, dispatch, registry);
        }
        dispatch.awaitOver();
        observer.finished();
        List<String> leftovers = List.of();
        if (registry.alive() > 0) {
            observer.phase("Terminating " + registry.alive() + " sandboxes...");
            leftovers = registry.destroyAll(settings.teardownLimit());
        }
        return new Execution(
                dispatch.outcomes(), dispatch.batches(), registry.created(), registry.sandboxSeconds(), leftovers);
    }

    /** Ends the run early (Ctrl-C, aborted build): undecided tests become NOT_RUN with this cause. Thread-safe. */
    public void cancel(String cause) {
        pendingCancel.compareAndSet(null, cause);
        Dispatcher current = dispatcher.get();
        if (current != null) {
            current.cancel(cause);
        }
    }

    private void runWorkers(int slots, Dispatcher dispatch, SandboxRegistry registry) throws InterruptedException {
        var execution = new BatchExecution(framework, settings, observer);
        var ready = new AtomicInteger();
        RunObserver counting = new ReadyCounter(observer, ready, slots);
        ExecutorService pool = Executors.newFixedThreadPool(slots, daemonThreads());
        List<Future<?>> workers = new ArrayList<>();
        try {
            for (int slot = 0; slot < slots; slot++) {
                workers.add(
                        pool.submit(new SlotWorker(slot, provider, dispatch, registry, execution, settings, counting)));
            }
            for (Future<?> worker : workers) {
                try {
                    worker.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    observer.warning("internal error in a sandbox worker: " + e.getCause());
                }
            }
            // Every worker has returned, so nothing can decide the remaining tests any more (SPEC §9.7).
            dispatch.cancel("never scheduled to completion");
        } catch (InterruptedException e) {
            dispatch.cancel("interrupted");
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private static java.util.concurrent.ThreadFactory daemonThreads() {
        var counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "offload-slot-" + counter.getAndIncrement());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** Prints {@code Sandboxes ready.} once every slot has its first sandbox. */
    private record ReadyCounter(RunObserver delegate, AtomicInteger ready, int slots) implements RunObserver {
        @Override
        public void sandboxReady(int slot) {
            delegate.sandboxReady(slot);
            if (ready.incrementAndGet() == slots) {
                delegate.phase("Sandboxes ready.");
            }
        }

        @Override
        public void started(int total, int sandboxes) {
            delegate.started(total, sandboxes);
        }

        @Override
        public void phase(String line) {
            delegate.phase(line);
        }

        @Override
        public void warning(String line) {
            delegate.warning(line);
        }

        @Override
        public void batchStarted(int number, int slot, int tests) {
            delegate.batchStarted(number, slot, tests);
        }

        @Override
        public void batchFinished(BatchRecord batch) {
            delegate.batchFinished(batch);
        }

        @Override
        public void decided(DiscoveredTest test, Verdict verdict) {
            delegate.decided(test, verdict);
        }

        @Override
        public void finished() {
            delegate.finished();
        }
    }
}
