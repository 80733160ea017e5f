package dev.offload.core.run;

import dev.offload.core.framework.DiscoveredTest;

/**
 * Hears what the orchestrator does, for progress output (SPEC §15.1) and tracing. Called from several threads; an
 * implementation must be thread-safe and must never throw (the orchestrator ignores what it throws).
 */
public interface RunObserver {

    /** Scheduling is done: {@code total} tests will be decided using at most {@code sandboxes} sandboxes. */
    default void started(int total, int sandboxes) {}

    /** A phase line such as {@code Creating 4 sandboxes...} (SPEC §15.1). */
    default void phase(String line) {}

    /** An info line shown only with {@code -v}, e.g. the planned makespan. */
    default void detail(String line) {}

    /** A warning line, already worded for the user. */
    default void warning(String line) {}

    default void sandboxReady(int slot) {}

    default void batchStarted(int number, int slot, int tests) {}

    default void batchFinished(BatchRecord batch) {}

    /**
     * A runner streamed that it started this test (SPEC §7.1) in the sandbox of {@code slot}; the JUnit engine starts
     * the test for its launcher then, so the launcher measures a real duration (SPEC §16.4).
     */
    default void testStarted(String id, int slot) {}

    /**
     * The runner reported tests discovery could not list (junit template invocations, SPEC §7.3): the number of tests
     * to decide changes by {@code delta}.
     */
    default void testsAdded(int delta) {}

    /**
     * A test (a junit template or factory) is from now on represented by the tests it produced: it gets no verdict of
     * its own, {@code children} do (SPEC §7.3). The JUnit engine closes the template once they are decided.
     */
    default void testReplaced(String id, java.util.List<String> children) {}

    /** A test has its final verdict. */
    default void decided(DiscoveredTest test, Verdict verdict) {}

    /**
     * The same moment as {@link #decided(DiscoveredTest, Verdict)}, with the attempts and cause: the JUnit engine
     * replays each result to its launcher as it is decided (SPEC §16.4).
     */
    default void decided(TestOutcome outcome) {}

    /** The run is over (before teardown output). */
    default void finished() {}

    /**
     * The run's batch overhead O changed (SPEC §9.6): a batch finished with results. {@code samples} is the number of
     * finished batches O is the median of.
     */
    default void batchOverhead(double secs, int samples) {}

    RunObserver NONE = new RunObserver() {};
}
