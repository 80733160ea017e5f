package dev.offload.core.run;

import dev.offload.core.framework.StreamedEvent;
import dev.offload.core.framework.TestCaseResult;
import dev.offload.core.run.BatchRecord.BatchOutcome;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;

/**
 * Turns one finished batch's report into attempts, retries and re-queues (SPEC §10.3-§10.6), including results streamed
 * before a batch died (§7.1) and tests the runner registered at run time (§7.3). Not thread-safe: the
 * {@link Dispatcher} calls it under its lock.
 */
final class BatchResultRecorder {
    private final VerdictLedger ledger;
    private final BatchQueue queue;
    private final RunSettings settings;
    private final RunObserver observer;

    BatchResultRecorder(VerdictLedger ledger, BatchQueue queue, RunSettings settings, RunObserver observer) {
        this.ledger = ledger;
        this.queue = queue;
        this.settings = settings;
        this.observer = observer;
    }

    /**
     * Decides a batch id's first attempt from its {@code end} event when it passed or was skipped (SPEC §7.1). Returns
     * true if that decided it.
     */
    boolean decideEarly(Assignment batch, StreamedEvent event) {
        Optional<TestCaseResult> result = event.result();
        Integer generation = batch.generations().get(event.id());
        if (result.isEmpty() || result.get().status() == TestCaseResult.Status.FAILED || generation == null) {
            return false; // run-time tests are registered with the batch's report
        }
        TestState s = ledger.state(event.id());
        if (s.decided() || s.generation != generation || !s.attempts.isEmpty()) {
            return false;
        }
        TestCaseResult r = result.get();
        // The end event carries the test's own output: the engine replays the test at this moment (SPEC §16.4).
        var attempt = new Attempt(
                batch.number(), batch.slot(), r.status(), r.timeSecs(), r.failure(), r.systemOut(), r.systemErr());
        ledger.recordAttempt(event.id(), attempt, batch.kind() == QueuedBatch.Kind.SOLO_AFTER_TIMEOUT);
        return true;
    }

    /** A batch with a usable result: records every result; returns the outcome that names its logs. */
    BatchOutcome apply(Assignment batch, BatchReport report) {
        List<String> retries = new ArrayList<>();
        List<String> dynamic = registerDynamic(report);
        // A complete report lists every test a template or factory produced: they now stand for it (SPEC §7.3).
        for (String parent : new LinkedHashSet<>(report.dynamicParents().values())) {
            // A parent with a result of its own is a test, not a template (a junit class failure hangs under one).
            if (!report.results().containsKey(parent) && ledger.replaceByChildren(parent)) {
                observer.testsAdded(-1);
                observer.testReplaced(
                        parent,
                        ledger.state(parent).children.stream()
                                .map(TestState::id)
                                .toList());
            }
        }
        boolean anyFailed = recordDynamic(batch, report, dynamic, retries);
        recordDynamic(batch, report, registerUnlistedSkips(report), retries);
        for (String id : batch.ids()) {
            TestState s = ledger.state(id);
            TestCaseResult result = report.results().get(id);
            if (s.decided()) {
                if (result != null) {
                    // Decided from this batch's end event: the result file holds the details (output, times).
                    ledger.refineAttempt(id, toAttempt(batch, result, report));
                }
                continue;
            }
            if (result != null) {
                anyFailed |= record(batch, report, id, result, retries);
            } else if (s.inFlight == 0) {
                anyFailed |= handleUnreported(batch, report, id);
            }
        }
        if (!retries.isEmpty()) {
            queue.retry(retries, batch.slot());
        }
        if (report.timedOut()) {
            return BatchOutcome.ERROR;
        }
        return anyFailed ? BatchOutcome.FAILURE : BatchOutcome.SUCCESS;
    }

    /**
     * Results a batch streamed before it failed or was stopped (SPEC §7.1, §10.5) are kept. A template whose batch
     * died is not replaced by the invocations seen so far: it runs again, and those keep their first results.
     */
    void keepStreamed(Assignment batch, BatchReport report) {
        List<String> retries = new ArrayList<>();
        List<String> dynamic = registerDynamic(report);
        recordDynamic(batch, report, dynamic, retries);
        for (String id : batch.ids()) {
            TestCaseResult result = report.results().get(id);
            if (result != null && !ledger.state(id).decided()) {
                record(batch, report, id, result, retries);
            }
        }
        if (!retries.isEmpty()) {
            queue.retry(retries, batch.slot());
        }
    }

    /** Adds the report's run-time tests to the ledger; returns those that are new. */
    private List<String> registerDynamic(BatchReport report) {
        List<String> added = new ArrayList<>();
        report.dynamicParents().forEach((id, parent) -> {
            if (ledger.addDynamic(id, parent, report.results().get(id).classname())) {
                added.add(id);
            }
        });
        if (!added.isEmpty()) {
            observer.testsAdded(added.size());
        }
        return added;
    }

    /** Adds the report's skipped tests that discovery could not list and no batch reported before (SPEC §7.2). */
    private List<String> registerUnlistedSkips(BatchReport report) {
        List<String> added = new ArrayList<>();
        report.unlistedSkips().forEach((id, anchor) -> {
            if (ledger.addUnlistedSkip(id, anchor, report.results().get(id).classname())) {
                added.add(id);
            }
        });
        if (!added.isEmpty()) {
            observer.testsAdded(added.size());
        }
        return added;
    }

    /** Records the results of run-time tests first seen in this report (a later copy's results are discarded). */
    private boolean recordDynamic(Assignment batch, BatchReport report, List<String> added, List<String> retries) {
        boolean anyFailed = false;
        for (String id : added) {
            anyFailed |= record(batch, report, id, report.results().get(id), retries);
        }
        return anyFailed;
    }

    /** Records one result unless another copy reported first (§9.6); returns true if it failed. */
    private boolean record(
            Assignment batch, BatchReport report, String id, TestCaseResult result, List<String> retries) {
        TestState s = ledger.state(id);
        Integer generation = batch.generations().get(id);
        if (generation != null && s.generation != generation) {
            return false; // another copy already reported: first result wins (§9.6)
        }
        Attempt attempt = toAttempt(batch, result, report);
        boolean solo = batch.kind() == QueuedBatch.Kind.SOLO_AFTER_TIMEOUT;
        if (ledger.recordAttempt(id, attempt, solo) == VerdictLedger.Next.RETRY) {
            retries.add(id);
        }
        return attempt.failed();
    }

    /** A test without a result in a valid report: timeout (§10.6) or missing (§10.5). Returns true if it failed. */
    private boolean handleUnreported(Assignment batch, BatchReport report, String id) {
        if (report.timedOut()) {
            int secs = (int) settings.batchTimeout().toSeconds();
            var next = ledger.recordTimeout(id, batch.number(), batch.slot(), secs);
            if (next == VerdictLedger.Next.RUN_ALONE) {
                queue.runAloneAfterTimeout(id);
            }
            return next == VerdictLedger.Next.DECIDED;
        }
        if (ledger.recordMissing(id) == VerdictLedger.Next.REQUEUE) {
            queue.requeueAlone(id);
        }
        return false;
    }

    /**
     * Undecided tests with no other running copy and no streamed result are re-queued in halves (§10.5); the streamed
     * results were recorded by {@link #keepStreamed}.
     */
    void requeueAfterInfrastructureError(Assignment batch, String cause, BatchReport report) {
        List<String> requeue = new ArrayList<>();
        for (String id : batch.ids()) {
            TestState s = ledger.state(id);
            if (!s.decided() && s.inFlight == 0 && !report.results().containsKey(id)) {
                if (ledger.recordInfrastructureError(id, cause) == VerdictLedger.Next.REQUEUE) {
                    requeue.add(id);
                }
            }
        }
        queue.requeueInHalves(requeue);
    }

    private Attempt toAttempt(Assignment batch, TestCaseResult result, BatchReport report) {
        boolean single = batch.ids().size() == 1;
        String out = result.systemOut().isEmpty() && single ? report.logStdout() : result.systemOut();
        String err = result.systemErr().isEmpty() && single ? report.logStderr() : result.systemErr();
        return new Attempt(
                batch.number(), batch.slot(), result.status(), result.timeSecs(), result.failure(), out, err);
    }
}
