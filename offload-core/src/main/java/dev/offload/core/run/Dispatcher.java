package dev.offload.core.run;

import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.framework.StreamedEvent;
import dev.offload.core.framework.TestCaseResult;
import dev.offload.core.provider.StopSignal;
import dev.offload.core.run.BatchRecord.BatchOutcome;
import dev.offload.core.schedule.BatchOverhead;
import dev.offload.core.schedule.HedgePick;
import dev.offload.core.schedule.HedgeSelector;
import dev.offload.core.schedule.RunningBatch;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Owns the queue, the running batches and the ledger behind one lock: hands batches to idle sandboxes (SPEC §9.5),
 * starts hedges (§9.6), turns batch reports into verdicts, retries and re-queues (§10.3-§10.7), and ends the run
 * (§9.7). Batches are stopped through their own {@link StopSignal}, outside the lock.
 */
final class Dispatcher {
    /** How often an idle slot re-checks hedging while batches run: streamed events do not wake it one by one. */
    private static final Duration EVENT_RECHECK = Duration.ofMillis(200);

    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final RunSettings settings;
    private final RunObserver observer;
    private final Clock clock;
    private final VerdictLedger ledger;
    private final BatchQueue queue;
    private final BatchResultRecorder results;
    private final Map<Integer, InFlightBatch> running = new LinkedHashMap<>();
    private final List<BatchRecord> finished = new ArrayList<>();
    private final BatchOverhead overhead;
    private int nextNumber;
    private int openSlots;
    private boolean over;
    private boolean failFastTriggered;

    Dispatcher(
            List<DiscoveredTest> tests,
            List<List<String>> initialQueue,
            int slots,
            double initialOverheadSecs,
            RunSettings settings,
            RunObserver observer,
            Clock clock) {
        this.overhead = new BatchOverhead(initialOverheadSecs);
        this.settings = settings;
        this.observer = observer;
        this.clock = clock;
        this.ledger = new VerdictLedger(tests, settings.retryCounts(), this::onDecided);
        this.queue = new BatchQueue(initialQueue, id -> ledger.state(id).test.unit());
        this.results = new BatchResultRecorder(ledger, queue, settings, observer);
        this.openSlots = slots;
        this.over = ledger.allDecided();
    }

    /** Blocks until this slot has a batch to run, or returns empty when the run is over. */
    Optional<Assignment> next(int slot) throws InterruptedException {
        lock.lock();
        try {
            while (!over) {
                Optional<Assignment> batch = takeQueued(slot).or(() -> takeHedge(slot));
                if (batch.isPresent()) {
                    running.put(batch.get().number(), new InFlightBatch(batch.get()));
                    return batch;
                }
                if (running.isEmpty() && queue.isEmpty()) {
                    endRun(Verdict.NOT_RUN, "never scheduled to completion");
                    break;
                }
                if (running.isEmpty() || !settings.hedging()) {
                    changed.await();
                } else {
                    changed.awaitNanos(EVENT_RECHECK.toNanos()); // streamed events change what is worth hedging
                }
            }
            return Optional.empty();
        } finally {
            lock.unlock();
        }
    }

    /** Applies a finished batch's report; returns the outcome that names its logs. */
    BatchOutcome complete(Assignment batch, BatchReport report) {
        List<StopSignal> toStop;
        BatchOutcome outcome;
        lock.lock();
        try {
            InFlightBatch run = running.remove(batch.number());
            for (String id : batch.ids()) {
                TestState s = ledger.state(id);
                s.inFlight--;
                if (batch.hedge()) {
                    s.hedgeCovered = false;
                }
            }
            if (run.stopRequested || report.stopped()) {
                outcome = BatchOutcome.CANCELLED;
                results.keepStreamed(batch, report);
                results.requeueAfterInfrastructureError(batch, "batch stopped before its tests reported", report);
            } else if (report.infrastructureError().isPresent()) {
                outcome = BatchOutcome.ERROR;
                results.keepStreamed(batch, report);
                results.requeueAfterInfrastructureError(
                        batch, report.infrastructureError().get(), report);
            } else {
                outcome = results.apply(batch, report);
                if (!report.timedOut()) {
                    measureOverhead(batch, report, run);
                }
            }
            var record = new BatchRecord(
                    batch.number(),
                    batch.slot(),
                    batch.ids().size(),
                    batch.started(),
                    clock.instant(),
                    outcome,
                    batch.hedge(),
                    batch.retry());
            finished.add(record);
            observer.batchFinished(record);
            toStop = afterDecisions();
        } finally {
            lock.unlock();
        }
        toStop.forEach(StopSignal::trigger);
        return outcome;
    }

    /**
     * A streamed event arrived from a running batch (reader thread, SPEC §7.1). A test with an {@code end} event no
     * longer counts towards that batch's remaining time and needs no hedge (§9.6), and a first attempt that passed or
     * was skipped is decided at once, so progress moves during the batch and a hedge copy of it can stop. Failures wait
     * for the batch's report, which sends their retries out together. Events of finished batches are ignored.
     */
    void streamed(Assignment batch, StreamedEvent event) {
        if (event.kind() == StreamedEvent.Kind.START) {
            observer.testStarted(event.id(), batch.slot());
            noteFirstStart(batch);
        }
        if (event.kind() != StreamedEvent.Kind.END) {
            return;
        }
        List<StopSignal> toStop = List.of();
        lock.lock();
        try {
            InFlightBatch run = running.get(batch.number());
            if (run != null && run.ended.add(event.id())) {
                run.lastProgress = clock.instant();
                boolean wasOver = over;
                if (!over && results.decideEarly(batch, event)) {
                    toStop = afterDecisions(false);
                }
                // Idle slots re-check hedging on their own every EVENT_RECHECK (see next): waking them on every event
                // would redo that check per test, quadratic in the batch size. Only an ended run or a stop is urgent.
                if (over != wasOver || !toStop.isEmpty()) {
                    changed.signalAll();
                }
            }
        } finally {
            lock.unlock();
        }
        toStop.forEach(StopSignal::trigger);
    }

    private void noteFirstStart(Assignment batch) {
        lock.lock();
        try {
            InFlightBatch run = running.get(batch.number());
            if (run != null && run.firstStart == null) {
                run.firstStart = clock.instant();
            }
        } finally {
            lock.unlock();
        }
    }

    /** The run's batch overhead O (SPEC §9.6), empty before any batch finished with results. */
    OptionalDouble batchOverheadSecs() {
        lock.lock();
        try {
            return overhead.measured();
        } finally {
            lock.unlock();
        }
    }

    /** A slot could not get a sandbox (creation failed after retries, or its replacement failed). */
    void slotClosed(String cause) {
        lock.lock();
        try {
            openSlots--;
            if (openSlots == 0 && !over) {
                endRun(Verdict.ERROR, "no sandbox could be created: " + cause);
            }
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Ctrl-C or an aborted build: every undecided test becomes NOT_RUN and running batches are stopped. */
    void cancel(String cause) {
        List<StopSignal> toStop = List.of();
        lock.lock();
        try {
            if (!over) {
                toStop = stopEverything(cause);
            }
        } finally {
            lock.unlock();
        }
        toStop.forEach(StopSignal::trigger);
    }

    boolean isOver() {
        lock.lock();
        try {
            return over;
        } finally {
            lock.unlock();
        }
    }

    void awaitOver() throws InterruptedException {
        lock.lock();
        try {
            while (!over) {
                changed.await();
            }
        } finally {
            lock.unlock();
        }
    }

    List<TestOutcome> outcomes() {
        lock.lock();
        try {
            return ledger.outcomes();
        } finally {
            lock.unlock();
        }
    }

    List<BatchRecord> batches() {
        lock.lock();
        try {
            return List.copyOf(finished);
        } finally {
            lock.unlock();
        }
    }

    private Optional<Assignment> takeQueued(int slot) {
        return queue.take(slot, openSlots > 1, id -> !ledger.state(id).decided())
                .map(queued -> start(slot, queued.ids(), queued.kind(), false));
    }

    private Optional<Assignment> takeHedge(int slot) {
        if (!settings.hedging() || !queue.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        List<RunningBatch> candidates = new ArrayList<>();
        for (InFlightBatch run : running.values()) {
            if (run.stopRequested) {
                continue;
            }
            List<String> hedgeable = run.batch.ids().stream()
                    .filter(id -> !run.ended.contains(id))
                    .map(ledger::state)
                    .filter(s -> !s.decided() && !s.hedgeCovered && s.hedges < 3)
                    .map(TestState::id)
                    .toList();
            candidates.add(new RunningBatch(
                    run.batch.number(),
                    hedgeable,
                    run.remainingSecs(ledger, settings::estimate, now, overhead.secs()),
                    Duration.ZERO));
        }
        Optional<HedgePick> pick = HedgeSelector.pick(candidates, overhead.secs())
                .map(p -> new HedgePick(p.batchNumber(), wholeUnits(p, candidates)));
        return pick.map(p -> {
            for (String id : p.ids()) {
                TestState s = ledger.state(id);
                s.hedgeCovered = true;
                s.hedges++;
            }
            QueuedBatch.Kind kind = running.get(p.batchNumber()).batch.kind();
            return start(slot, p.ids(), kind, true);
        });
    }

    /** O's sample (§9.6): the batch's time outside its tests, or its wall time minus the durations they reported. */
    private void measureOverhead(Assignment batch, BatchReport report, InFlightBatch run) {
        Instant now = clock.instant();
        OptionalDouble outside = run.outsideTestsSecs(now);
        double reported = report.results().values().stream()
                .mapToDouble(TestCaseResult::timeSecs)
                .sum();
        double secs = outside.isPresent()
                ? overhead.addOutsideTests(outside.getAsDouble())
                : overhead.add(Duration.between(batch.started(), now), reported);
        observer.batchOverhead(secs, overhead.sampleCount());
    }

    /** A hedge takes whole units: every hedgeable test of each unit the selector touched, in batch order. */
    private List<String> wholeUnits(HedgePick pick, List<RunningBatch> candidates) {
        Set<String> units = new HashSet<>();
        pick.ids().forEach(id -> units.add(ledger.state(id).test.unit()));
        return candidates.stream()
                .filter(c -> c.number() == pick.batchNumber())
                .flatMap(c -> c.hedgeableIds().stream())
                .filter(id -> units.contains(ledger.state(id).test.unit()))
                .toList();
    }

    private Assignment start(int slot, List<String> ids, QueuedBatch.Kind kind, boolean hedge) {
        Map<String, Integer> generations = new HashMap<>();
        double estimate = 0;
        for (String id : ids) {
            TestState s = ledger.state(id);
            s.inFlight++;
            generations.put(id, s.generation);
            estimate += settings.estimate(id);
        }
        var batch = new Assignment(
                nextNumber++, slot, ids, kind, hedge, generations, estimate, clock.instant(), new StopSignal());
        observer.batchStarted(batch.number(), slot, ids.size());
        return batch;
    }

    /** Fail-fast, stops of batches whose tests were all decided elsewhere, and the end of the run. */
    private List<StopSignal> afterDecisions() {
        return afterDecisions(true);
    }

    private List<StopSignal> afterDecisions(boolean signal) {
        List<StopSignal> toStop = new ArrayList<>();
        if (failFastTriggered && !over) {
            toStop.addAll(stopEverything("cancelled by --fail-fast"));
        }
        for (InFlightBatch run : running.values()) {
            // A batch that reported every test itself is about to write its result file: let it.
            if (!run.stopRequested && run.allDecided(ledger) && !run.ended.containsAll(run.batch.ids())) {
                run.stopRequested = true;
                toStop.add(run.batch.stop());
            }
        }
        if (ledger.allDecided()) {
            over = true;
        }
        if (signal) {
            changed.signalAll();
        }
        return toStop;
    }

    private List<StopSignal> stopEverything(String cause) {
        queue.clear();
        endRun(Verdict.NOT_RUN, cause);
        List<StopSignal> toStop = new ArrayList<>();
        for (InFlightBatch run : running.values()) {
            if (!run.stopRequested) {
                run.stopRequested = true;
                toStop.add(run.batch.stop());
            }
        }
        return toStop;
    }

    private void endRun(Verdict verdict, String cause) {
        ledger.decideRemaining(verdict, cause);
        over = true;
        changed.signalAll();
    }

    private void onDecided(DiscoveredTest test, Verdict verdict) {
        if (settings.failFast() && (verdict == Verdict.FAILED || verdict == Verdict.ERROR)) {
            failFastTriggered = true;
        }
        observer.decided(test, verdict);
        observer.decided(ledger.state(test.id()).toOutcome());
    }
}
