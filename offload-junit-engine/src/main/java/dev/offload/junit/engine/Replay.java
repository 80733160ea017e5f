package dev.offload.junit.engine;

import dev.offload.core.run.Attempt;
import dev.offload.core.run.TestOutcome;
import dev.offload.core.run.Verdict;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Predicate;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;

/**
 * The single thread that reports to the {@link EngineExecutionListener} (SPEC §16.4). Events arrive from Offload's
 * threads through a queue; each test is started when its sandbox streams its start (or when it is decided), its
 * deciding attempt's output is printed to {@code System.out}/{@code System.err}, and it is finished when decided. The
 * output of one test is printed immediately before its own {@code executionFinished}, on this one thread, so Surefire
 * (which gives a test the output captured since the previous test finished) attributes it correctly even while other
 * tests are started. A container starts before its first test and finishes after its last.
 */
final class Replay implements Runnable {
    private sealed interface Event {}

    private record Started(String id, int slot) implements Event {}

    private record BatchDone(int slot) implements Event {}

    private record Decided(TestOutcome outcome) implements Event {}

    private record Replaced(String id, List<String> children) implements Event {}

    /**
     * @param abort why the run could not happen, failing every open test
     * @param inRun the ids the run covered; a test outside them (another shard's) is not reported at all
     */
    private record End(Optional<String> abort, Optional<Set<String>> inRun) implements Event {}

    private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
    private final EngineExecutionListener listener;
    private final Map<String, MirroredTestDescriptor> units = new LinkedHashMap<>();
    private final Invocations invocations;
    private final Set<TestDescriptor> started = new HashSet<>();
    private final Set<TestDescriptor> finished = new HashSet<>();
    /** Units and invocations decided, by id; a container closes when all its tests are in here. */
    private final Map<String, TestOutcome> decided = new HashMap<>();
    /** Templates whose invocations now stand for them: they close once those are finished. */
    private final Set<String> replaced = new HashSet<>();
    /** Test classes by name, for a class's own result (an {@code @AfterAll} failure). */
    private final Map<String, MirroredClassDescriptor> classes = new HashMap<>();
    /** Classes whose tests a running batch started: their own result may still come with that batch's report. */
    private final Map<TestDescriptor, Integer> runningOn = new HashMap<>();

    private final Map<TestDescriptor, TestOutcome> classOutcomes = new HashMap<>();

    Replay(EngineExecutionListener listener, List<MirroredTestDescriptor> units) {
        this.listener = listener;
        units.forEach(u -> this.units.put(u.innerId(), u));
        units.forEach(u -> MirroredClassDescriptor.of(u).ifPresent(c -> classes.put(c.className(), c)));
        this.invocations = new Invocations(units);
    }

    /** A sandbox began running this test in the batch on {@code slot} (called from any thread). */
    void started(String id, int slot) {
        events.add(new Started(id, slot));
    }

    /** The batch on {@code slot} is finished and its report applied (called from any thread). */
    void batchFinished(int slot) {
        events.add(new BatchDone(slot));
    }

    /** This test has its verdict (called from any thread, possibly under Offload's lock: only enqueues). */
    void decided(TestOutcome outcome) {
        events.add(new Decided(outcome));
    }

    /** A template's invocations are all known and carry its results (called from any thread). */
    void replaced(String id, List<String> children) {
        events.add(new Replaced(id, List.copyOf(children)));
    }

    /** No more events; tests still undecided fail with the abort message, or as not run. */
    void end(Optional<String> abort) {
        events.add(new End(abort, Optional.empty()));
    }

    /** The run is over and covered these ids: tests outside them belong to another shard and stay unreported. */
    void end(Set<String> inRun) {
        events.add(new End(Optional.empty(), Optional.of(Set.copyOf(inRun))));
    }

    @Override
    public void run() {
        try {
            while (true) {
                Event event = events.take();
                try {
                    if (event instanceof End end) {
                        finishRemaining(end.abort(), end.inRun());
                        return;
                    }
                    handle(event);
                } catch (RuntimeException e) {
                    // A listener failure loses that event, never the replay of the others.
                    System.err.println("[offload] warning: reporting a result failed: " + e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void handle(Event event) {
        if (event instanceof Started s) {
            descriptor(s.id()).filter(d -> !finished.contains(d)).ifPresent(test -> {
                start(test);
                MirroredClassDescriptor.of(test).ifPresent(c -> runningOn.put(c, s.slot()));
            });
        } else if (event instanceof BatchDone done) {
            List<TestDescriptor> ended = runningOn.entrySet().stream()
                    .filter(e -> e.getValue() == done.slot())
                    .map(Map.Entry::getKey)
                    .toList();
            ended.forEach(runningOn::remove);
            ended.forEach(this::closeIfComplete);
        } else if (event instanceof Decided d) {
            // A pass or skip decided at its end event carries its output in that event (SPEC §7.3).
            Optional<TestDescriptor> test = descriptor(d.outcome().test().id());
            if (test.isPresent()) {
                report(test.get(), d.outcome());
            } else {
                classOf(d.outcome()).ifPresent(c -> {
                    classOutcomes.put(c, d.outcome());
                    closeIfComplete(c);
                });
            }
        } else if (event instanceof Replaced r) {
            r.children().forEach(this::descriptor); // registers each invocation not seen yet
            replaced.add(r.id());
            descriptor(r.id()).ifPresent(this::closeIfComplete);
        }
    }

    private Optional<TestDescriptor> descriptor(String id) {
        MirroredTestDescriptor unit = units.get(id);
        if (unit != null) {
            return Optional.of(unit);
        }
        return invocations.of(id, this::register);
    }

    /** The class whose own result this is: a test class that failed after its tests ran (SPEC §7.3). */
    private Optional<MirroredClassDescriptor> classOf(TestOutcome outcome) {
        MirroredClassDescriptor container = classes.get(outcome.test().classname());
        return Optional.ofNullable(container).filter(c -> !finished.contains(c));
    }

    private void register(TestDescriptor invocation) {
        TestDescriptor template = invocation.getParent().orElseThrow();
        start(template);
        listener.dynamicTestRegistered(invocation);
    }

    private void report(TestDescriptor test, TestOutcome outcome) {
        if (finished.contains(test)) {
            return;
        }
        decided.put(idOf(test), outcome);
        if (test.isContainer()) {
            // A template or factory: its invocations carry the results; it closes after its last one.
            closeIfComplete(test);
            return;
        }
        if (outcome.verdict() == Verdict.SKIPPED && !started.contains(test)) {
            test.getParent().ifPresent(this::start);
            finished.add(test);
            listener.executionSkipped(test, ResultMapping.skipReason(outcome));
        } else {
            start(test);
            printOutput(outcome);
            ResultMapping.entry(outcome).ifPresent(e -> listener.reportingEntryPublished(test, e));
            finished.add(test);
            listener.executionFinished(test, skippedAfterStart(outcome).orElse(ResultMapping.result(outcome)));
        }
        test.getParent().ifPresent(this::closeIfComplete);
    }

    private static Optional<TestExecutionResult> skippedAfterStart(TestOutcome outcome) {
        if (outcome.verdict() != Verdict.SKIPPED) {
            return Optional.empty();
        }
        return Optional.of(
                TestExecutionResult.aborted(new OffloadTestNotRunException(ResultMapping.skipReason(outcome))));
    }

    private void printOutput(TestOutcome outcome) {
        Optional<Attempt> attempt = outcome.decidingAttempt();
        attempt.map(Attempt::systemOut).filter(s -> !s.isEmpty()).ifPresent(s -> {
            System.out.print(s.endsWith("\n") ? s : s + "\n");
            System.out.flush();
        });
        attempt.map(Attempt::systemErr).filter(s -> !s.isEmpty()).ifPresent(s -> {
            System.err.print(s.endsWith("\n") ? s : s + "\n");
            System.err.flush();
        });
    }

    private void start(TestDescriptor descriptor) {
        if (started.contains(descriptor) || descriptor.isRoot()) {
            return;
        }
        descriptor.getParent().ifPresent(this::start);
        started.add(descriptor);
        listener.executionStarted(descriptor);
    }

    /** Finishes a class container whose tests are all finished, or a template that is also decided itself. */
    private void closeIfComplete(TestDescriptor container) {
        if (container.isRoot() || finished.contains(container)) {
            return;
        }
        boolean complete = container.getChildren().stream().allMatch(finished::contains)
                && !runningOn.containsKey(container)
                && (!(container instanceof MirroredTestDescriptor)
                        || decided.containsKey(idOf(container))
                        || replaced.contains(idOf(container)));
        if (complete) {
            finishContainer(container, Optional.empty());
        }
    }

    private void finishContainer(TestDescriptor container, Optional<String> abort) {
        TestOutcome own = container instanceof MirroredTestDescriptor ? decided.get(idOf(container)) : null;
        if (own != null && own.verdict() == Verdict.SKIPPED && !started.contains(container)) {
            finished.add(container);
            container.getParent().ifPresent(this::start);
            listener.executionSkipped(container, ResultMapping.skipReason(own));
        } else {
            start(container);
            finished.add(container);
            listener.executionFinished(container, containerResult(container, own, abort));
        }
        container.getParent().ifPresent(this::closeIfComplete);
    }

    /** A template fails only when nothing under it could report (e.g. its source failed, or it never ran). */
    private TestExecutionResult containerResult(TestDescriptor container, TestOutcome own, Optional<String> abort) {
        TestOutcome classOutcome = classOutcomes.get(container);
        if (classOutcome != null && classOutcome.verdict().isProblem()) {
            return ResultMapping.result(classOutcome);
        }
        if (!(container instanceof MirroredTestDescriptor)
                || !container.getChildren().isEmpty()) {
            return TestExecutionResult.successful();
        }
        if (own != null) {
            return own.verdict().isProblem() ? ResultMapping.result(own) : TestExecutionResult.successful();
        }
        return TestExecutionResult.failed(missing(abort));
    }

    private static RuntimeException missing(Optional<String> abort) {
        return abort.<RuntimeException>map(m -> new OffloadInfrastructureException("offload run aborted: " + m))
                .orElseGet(() -> new OffloadTestNotRunException("not run: the run ended without a result"));
    }

    /** The end: every test and container still open is finished, so the outer launcher sees a complete tree. */
    private void finishRemaining(Optional<String> abort, Optional<Set<String>> inRun) {
        Predicate<MirroredTestDescriptor> outside = unit -> inRun.isPresent()
                && !inRun.get().contains(unit.innerId())
                && !replaced.contains(unit.innerId())
                && unit.getChildren().isEmpty();
        for (MirroredTestDescriptor unit : units.values()) {
            if (!unit.isContainer() && !finished.contains(unit) && !outside.test(unit)) {
                start(unit);
                finished.add(unit);
                listener.executionFinished(unit, TestExecutionResult.failed(missing(abort)));
            }
        }
        for (TestDescriptor invocation : invocations.registered()) {
            if (!finished.contains(invocation)) {
                start(invocation);
                finished.add(invocation);
                listener.executionFinished(invocation, TestExecutionResult.failed(missing(abort)));
            }
        }
        units.values().stream()
                .filter(TestDescriptor::isContainer)
                .filter(t -> !finished.contains(t) && !outside.test(t))
                .forEach(t -> finishContainer(t, abort));
        // A class none of whose tests ran (all in another shard) was never started and stays unreported.
        units.values().stream()
                .map(u -> u.getParent().orElseThrow())
                .distinct()
                .filter(c -> !finished.contains(c) && (started.contains(c) || inRun.isEmpty()))
                .forEach(c -> finishContainer(c, abort));
    }

    private static String idOf(TestDescriptor descriptor) {
        return ((MirroredTestDescriptor) descriptor).innerId();
    }
}
