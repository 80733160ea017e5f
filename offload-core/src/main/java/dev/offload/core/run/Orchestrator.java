package dev.offload.core.run;

import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.framework.Framework;
import dev.offload.core.framework.StreamedEvents;
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
    /** How long an interrupted run waits for its workers to return before tearing down. */
    private static final java.time.Duration WORKER_DRAIN = java.time.Duration.ofSeconds(30);

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
     */
    public record Execution(
            List<TestOutcome> outcomes, List<BatchRecord> batches, int sandboxes, double sandboxSeconds) {}

    public Orchestrator(
            Framework framework, Provider provider, RunSettings settings, RunObserver observer, Clock clock) {
        this.framework = framework;
        this.provider = provider;
        this.settings = settings;
        this.observer = new SafeObserver(observer);
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
        boolean interrupted = false;
        try {
            if (slots > 0 && !dispatch.isOver()) {
                observer.started(tests.size(), slots);
                observer.phase("Creating " + slots + " sandboxes...");
                runWorkers(slots, dispatch, registry);
            }
            dispatch.awaitOver();
        } catch (InterruptedException e) {
            interrupted = true;
        } catch (RuntimeException e) {
            teardown(registry); // every exit path tears down what was created (SPEC §8.4)
            throw e;
        }
        interrupted |= Thread.interrupted();
        observer.finished();
        teardown(registry);
        if (interrupted && pendingCancel.get() == null) {
            Thread.currentThread().interrupt();
            throw new InterruptedException("run interrupted");
        }
        // Interrupted because of cancel(): the outcomes already say so (NOT_RUN with the cause).
        return new Execution(dispatch.outcomes(), dispatch.batches(), registry.created(), registry.sandboxSeconds());
    }

    /** Destroys every sandbox; those not confirmed destroyed are named in warnings by the registry. */
    private void teardown(SandboxRegistry registry) {
        if (registry.alive() == 0) {
            return;
        }
        observer.phase("Terminating " + registry.alive() + " sandboxes...");
        try {
            registry.destroyAll(settings.teardownLimit());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
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
        var execution =
                new BatchExecution(framework, settings, observer, StreamedEvents.newToken(), dispatch::streamed);
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
            // Stop every batch, then let the workers finish so that sandboxes still being created get registered
            // (and so destroyed by the caller) instead of being abandoned mid-creation.
            dispatch.cancel("interrupted");
            pool.shutdown();
            awaitWorkers(pool);
            throw e;
        } finally {
            pool.shutdownNow();
        }
    }

    private static void awaitWorkers(ExecutorService pool) {
        try {
            pool.awaitTermination(WORKER_DRAIN.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException again) {
            Thread.currentThread().interrupt();
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
    private static final class ReadyCounter extends ForwardingObserver {
        private final AtomicInteger ready;
        private final int slots;

        ReadyCounter(RunObserver delegate, AtomicInteger ready, int slots) {
            super(delegate);
            this.ready = ready;
            this.slots = slots;
        }

        @Override
        public void sandboxReady(int slot) {
            super.sandboxReady(slot);
            if (ready.incrementAndGet() == slots) {
                phase("Sandboxes ready.");
            }
        }
    }
}
