package dev.offload.core.run;

import dev.offload.core.framework.DiscoveredTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Mutable state of one test during a run. Guarded by the {@link Dispatcher}'s lock; never shared outside it. */
final class TestState {
    final DiscoveredTest test;
    final int retryCount;
    final List<Attempt> attempts = new ArrayList<>();

    /** Empty until decided. */
    Optional<Verdict> verdict = Optional.empty();

    String cause = "";

    /** Attempts that consume {@code retry_count} (solo timeout re-runs do not, SPEC §10.6). */
    int countedAttempts;

    /** Re-queues after infrastructure errors or missing results (SPEC §10.5). */
    int requeues;

    /** Batches that timed out without a result for this test (SPEC §10.6). */
    int timeouts;

    /** Hedge copies started for this test (at most 3 per run, SPEC §9.6). */
    int hedges;

    /** An active hedge batch holds this test. */
    boolean hedgeCovered;

    /** Running batches holding this test. */
    int inFlight;

    /**
     * Bumped by every recorded attempt. A batch remembers the generation each test had when it started, so a result from
     * a copy that started before the deciding result (a hedge) is discarded: the first result wins.
     */
    int generation;

    /**
     * Replaced by the tests the runner registered under it at run time (a junit template by its invocations, SPEC
     * §7.3): decided, but reported through {@link #children} instead of itself.
     */
    boolean replaced;

    /** Tests registered under this one at run time, in the order they were reported. */
    final List<TestState> children = new ArrayList<>();

    /** For a test registered at run time: the test it was registered under. */
    Optional<TestState> parent = Optional.empty();

    TestState(DiscoveredTest test, int retryCount) {
        this.test = test;
        this.retryCount = retryCount;
    }

    String id() {
        return test.id();
    }

    boolean decided() {
        return verdict.isPresent() || replaced;
    }

    boolean hasFailedAttempt() {
        return attempts.stream().anyMatch(Attempt::failed);
    }

    TestOutcome toOutcome() {
        Verdict v = verdict.orElseThrow(() -> new IllegalStateException("undecided test " + id()));
        Optional<String> why = cause.isEmpty() ? Optional.empty() : Optional.of(cause);
        return new TestOutcome(test, v, attempts, why);
    }
}
