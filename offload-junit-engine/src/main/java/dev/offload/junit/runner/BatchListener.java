package dev.offload.junit.runner;

import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Records each test's result and output and streams start/dyn/end events (SPEC §7.3). Tests that never start because
 * an ancestor container was skipped or failed (a {@code @Disabled} class, a failing {@code @BeforeAll}) get that
 * container's outcome in {@link #results}, as Surefire reports them.
 */
final class BatchListener implements TestExecutionListener {
    private final OutputCapture capture;
    private final EventStream events;
    private final Consumer<List<TestResult>> onFailure;
    private final Map<String, TestResult> results = new LinkedHashMap<>();
    private final Map<String, Long> started = new ConcurrentHashMap<>();
    private final Map<String, OutputCapture.Buffers> buffers = new ConcurrentHashMap<>();
    private final Map<String, TestResult> containerOutcomes = new ConcurrentHashMap<>();
    private final Map<String, String> parents = new ConcurrentHashMap<>();
    private final Map<String, String> classes = new ConcurrentHashMap<>();
    /** Containers with a class source that finished successfully: a retry of a class's own failure selects them. */
    private final Set<String> passedClasses = ConcurrentHashMap.newKeySet();

    private volatile String running;

    /** @param onFailure called with the results so far after each failed test (used by {@code --fail-fast}) */
    BatchListener(OutputCapture capture, EventStream events, Consumer<List<TestResult>> onFailure) {
        this.capture = capture;
        this.events = events;
        this.onFailure = onFailure;
    }

    @Override
    public void testPlanExecutionStarted(TestPlan plan) {
        for (TestIdentifier root : plan.getRoots()) {
            register(plan, root);
        }
    }

    private void register(TestPlan plan, TestIdentifier node) {
        remember(node);
        for (TestIdentifier child : plan.getChildren(node)) {
            register(plan, child);
        }
    }

    private void remember(TestIdentifier node) {
        node.getParentId().ifPresent(parent -> parents.put(node.getUniqueId(), parent));
        String className = Launchers.className(node.getSource())
                .orElseGet(() -> node.getParentId().map(classes::get).orElse(""));
        classes.put(node.getUniqueId(), className);
    }

    @Override
    public void dynamicTestRegistered(TestIdentifier node) {
        remember(node);
        events.emit(new JsonText()
                .field("ev", "dyn")
                .field("id", node.getUniqueId())
                .field("parent", node.getParentId().orElse(null))
                .field("name", node.getDisplayName())
                .field("class", classes.get(node.getUniqueId()))
                .field("kind", node.getType().name()));
    }

    @Override
    public void executionStarted(TestIdentifier node) {
        started.put(node.getUniqueId(), System.nanoTime());
        if (node.isTest()) {
            running = node.getUniqueId();
            events.emit(new JsonText().field("ev", "start").field("id", node.getUniqueId()));
            buffers.put(node.getUniqueId(), capture.begin());
        }
    }

    @Override
    public void executionSkipped(TestIdentifier node, String reason) {
        var result = new TestResult(node.getUniqueId(), classOf(node), "skipped", 0, null, reason, "", "");
        if (node.isTest()) {
            record(result);
        } else {
            containerOutcomes.put(node.getUniqueId(), result);
        }
    }

    @Override
    public void executionFinished(TestIdentifier node, TestExecutionResult outcome) {
        Long start = started.remove(node.getUniqueId());
        long millis = start == null ? 0 : (System.nanoTime() - start) / 1_000_000;
        String status = switch (outcome.getStatus()) {
            case SUCCESSFUL -> "passed";
            case ABORTED -> "aborted";
            case FAILED -> "failed";
        };
        Throwable error = outcome.getThrowable().orElse(null);
        if (node.isTest()) {
            capture.end();
            running = null;
            OutputCapture.Buffers captured = buffers.remove(node.getUniqueId());
            String reason = status.equals("aborted") && error != null ? error.getMessage() : null;
            record(new TestResult(
                    node.getUniqueId(),
                    classOf(node),
                    status,
                    millis,
                    error,
                    reason,
                    text(captured, true),
                    text(captured, false)));
        } else if (!status.equals("passed")) {
            var result = new TestResult(node.getUniqueId(), classOf(node), status, millis, error, null, "", "");
            containerOutcomes.put(node.getUniqueId(), result);
            if (status.equals("failed") && isClass(node) && hasReportedDescendant(node.getUniqueId())) {
                // Its tests ran, then the class failed (an @AfterAll): a result of its own, as Surefire reports it.
                record(result);
            }
        } else if (isClass(node)) {
            passedClasses.add(node.getUniqueId());
        }
    }

    private static boolean isClass(TestIdentifier node) {
        return node.isContainer()
                && node.getSource().filter(ClassSource.class::isInstance).isPresent();
    }

    /** The test running when the JVM exits on its own, for the shutdown message. */
    Optional<String> running() {
        return Optional.ofNullable(running);
    }

    /**
     * Results in reporting order. A requested id that neither reported nor has a reported descendant takes the outcome
     * of its nearest skipped or failed ancestor (its class, its template); with none it stays missing.
     */
    synchronized List<TestResult> results(List<String> requested) {
        for (String id : requested) {
            if (!results.containsKey(id) && passedClasses.contains(id)) {
                // A class requested for itself (the retry of its own failure) that passed this time.
                record(new TestResult(id, classes.getOrDefault(id, ""), "passed", 0, null, null, "", ""));
            } else if (!results.containsKey(id) && !hasReportedDescendant(id)) {
                inherited(id).ifPresent(this::record);
            }
        }
        return new ArrayList<>(results.values());
    }

    private Optional<TestResult> inherited(String id) {
        for (String at = id; at != null; at = parents.get(at)) {
            TestResult outcome = containerOutcomes.get(at);
            if (outcome != null) {
                String className = classes.getOrDefault(id, outcome.className());
                return Optional.of(
                        new TestResult(id, className, outcome.status(), 0, outcome.error(), outcome.reason(), "", ""));
            }
        }
        return Optional.empty();
    }

    private synchronized boolean hasReportedDescendant(String id) {
        String prefix = id + "/";
        return results.keySet().stream().anyMatch(r -> r.startsWith(prefix));
    }

    private synchronized void record(TestResult result) {
        results.put(result.id(), result);
        events.emit(result.endEvent());
        if (result.failed()) {
            onFailure.accept(new ArrayList<>(results.values()));
        }
    }

    private String classOf(TestIdentifier node) {
        String known = classes.get(node.getUniqueId());
        return known != null ? known : Launchers.className(node.getSource()).orElse("");
    }

    private static String text(OutputCapture.Buffers captured, boolean out) {
        if (captured == null) {
            return "";
        }
        var bytes = out ? captured.out : captured.err;
        synchronized (bytes) {
            return bytes.toString(Charset.defaultCharset());
        }
    }
}
