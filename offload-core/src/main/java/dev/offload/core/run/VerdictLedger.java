package dev.offload.core.run;

import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.framework.TestCaseResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * The one place that decides verdicts (SPEC §10.3-§10.6). Not thread-safe: the {@link Dispatcher} calls it under its
 * lock.
 */
final class VerdictLedger {
    /** Re-queues a test may have before a further infrastructure error decides it (SPEC §10.5). */
    static final int MAX_REQUEUES = 3;

    /** What the dispatcher must do next with a test. */
    enum Next {
        DECIDED,
        RETRY,
        REQUEUE,
        RUN_ALONE,
        IGNORED
    }

    private final Map<String, TestState> states = new LinkedHashMap<>();
    private final BiConsumer<DiscoveredTest, Verdict> onDecided;
    private int undecided;

    VerdictLedger(
            List<DiscoveredTest> tests,
            Map<String, Integer> retryCountByGroup,
            BiConsumer<DiscoveredTest, Verdict> onDecided) {
        for (DiscoveredTest test : tests) {
            states.putIfAbsent(test.id(), new TestState(test, retryCountByGroup.getOrDefault(test.group(), 0)));
        }
        this.undecided = states.size();
        this.onDecided = onDecided;
    }

    TestState state(String id) {
        TestState state = states.get(id);
        if (state == null) {
            throw new IllegalArgumentException("unknown test id " + id);
        }
        return state;
    }

    boolean allDecided() {
        return undecided == 0;
    }

    Collection<TestState> all() {
        return states.values();
    }

    /**
     * Registers a test the runner reported under {@code parentId} at run time (SPEC §7.3), in the parent's group and
     * unit and with its retry count. Returns false when it was already known.
     */
    boolean addDynamic(String id, String parentId, String classname) {
        if (states.containsKey(id)) {
            return false;
        }
        TestState parent = state(parentId);
        String cls = classname.isEmpty() ? parent.test.classname() : classname;
        var child =
                new TestState(new DiscoveredTest(id, parent.test.group(), cls, parent.test.unit()), parent.retryCount);
        child.parent = Optional.of(parent);
        parent.children.add(child);
        states.put(id, child);
        undecided++;
        return true;
    }

    /**
     * Registers a skipped test that discovery could not list (vitest skip/todo, SPEC §7.2) as a test of its own in the
     * anchor's group. Returns false when the id is already known (a discovered test, or reported by an earlier batch).
     */
    boolean addUnlistedSkip(String id, String anchorId, String classname) {
        if (states.containsKey(id)) {
            return false;
        }
        TestState anchor = state(anchorId);
        String cls = classname.isEmpty() ? anchor.test.classname() : classname;
        states.put(id, new TestState(new DiscoveredTest(id, anchor.test.group(), cls), 0));
        undecided++;
        return true;
    }

    /**
     * The parent's batch reported its dynamic tests completely: from now on they stand for it in every report. A parent
     * already decided (e.g. by an infrastructure error limit) keeps its verdict. Returns true if it was replaced now.
     */
    boolean replaceByChildren(String parentId) {
        TestState parent = state(parentId);
        if (!parent.decided() && !parent.children.isEmpty()) {
            parent.replaced = true;
            undecided--;
            return true;
        }
        return false;
    }

    /** Records a result (pass, fail or skip) produced by one batch. */
    Next recordAttempt(String id, Attempt attempt, boolean soloTimeoutRun) {
        TestState s = state(id);
        if (s.decided()) {
            return Next.IGNORED;
        }
        s.attempts.add(attempt);
        s.generation++;
        if (!soloTimeoutRun) {
            s.countedAttempts++;
        }
        return switch (attempt.status()) {
            case PASSED -> decide(s, s.hasFailedAttempt() ? Verdict.FLAKY : Verdict.PASSED, "");
            // A skip after a failed attempt leaves the failure as the last word on the test.
            case SKIPPED -> decide(s, s.hasFailedAttempt() ? Verdict.FAILED : Verdict.SKIPPED, "");
            case FAILED -> s.countedAttempts < 1 + s.retryCount ? Next.RETRY : decide(s, Verdict.FAILED, "");
        };
    }

    /**
     * Replaces the last attempt with a fuller record of the same run (the result file after the {@code end} event that
     * decided the test); an attempt from another batch is left alone. The verdict does not change.
     */
    void refineAttempt(String id, Attempt fuller) {
        TestState s = state(id);
        int last = s.attempts.size() - 1;
        if (last >= 0
                && s.attempts.get(last).batch() == fuller.batch()
                && s.attempts.get(last).status() == fuller.status()) {
            s.attempts.set(last, fuller);
        }
    }

    /** The batch holding this test hit an infrastructure error and no other copy is running. */
    Next recordInfrastructureError(String id, String cause) {
        TestState s = state(id);
        if (s.decided()) {
            return Next.IGNORED;
        }
        if (s.requeues >= MAX_REQUEUES) {
            return decide(s, Verdict.ERROR, cause);
        }
        s.requeues++;
        return Next.REQUEUE;
    }

    /** A valid result file did not mention this test. */
    Next recordMissing(String id) {
        TestState s = state(id);
        if (s.decided()) {
            return Next.IGNORED;
        }
        if (s.requeues >= MAX_REQUEUES) {
            return decide(s, Verdict.NOT_RUN, "runner never reported this test");
        }
        s.requeues++;
        return Next.REQUEUE;
    }

    /** The batch timed out before this test reported (SPEC §10.6): run it alone once, then it fails. */
    Next recordTimeout(String id, int batch, int slot, int timeoutSecs) {
        TestState s = state(id);
        if (s.decided()) {
            return Next.IGNORED;
        }
        s.timeouts++;
        if (s.timeouts == 1) {
            return Next.RUN_ALONE;
        }
        String message = "timed out after " + timeoutSecs + "s";
        var failure = new TestCaseResult.Failure(false, "offload.Timeout", message, message);
        s.attempts.add(
                new Attempt(batch, slot, TestCaseResult.Status.FAILED, timeoutSecs, Optional.of(failure), "", ""));
        s.generation++;
        return decide(s, Verdict.FAILED, "");
    }

    /** Decides every undecided test (fail-fast, interruption, termination, no sandbox). */
    void decideRemaining(Verdict verdict, String cause) {
        for (TestState s : states.values()) {
            if (!s.decided()) {
                decide(s, verdict, cause);
            }
        }
    }

    /**
     * One outcome per test in discovery order; a test's run-time children follow it, and a replaced test is left out.
     */
    List<TestOutcome> outcomes() {
        List<TestOutcome> outcomes = new ArrayList<>(states.size());
        for (TestState s : states.values()) {
            if (s.parent.isEmpty()) {
                addOutcomes(s, outcomes);
            }
        }
        return outcomes;
    }

    private static void addOutcomes(TestState s, List<TestOutcome> outcomes) {
        if (!s.replaced) {
            outcomes.add(s.toOutcome());
        }
        s.children.forEach(child -> addOutcomes(child, outcomes));
    }

    private Next decide(TestState s, Verdict verdict, String cause) {
        s.verdict = Optional.of(verdict);
        s.cause = cause;
        undecided--;
        onDecided.accept(s.test, verdict);
        return Next.DECIDED;
    }
}
