package dev.offload.core.run;

import dev.offload.core.framework.DiscoveredTest;

/** Passes every event to a delegate through {@link #forward}; subclasses change one event or all of them. */
abstract class ForwardingObserver implements RunObserver {
    private final RunObserver delegate;

    ForwardingObserver(RunObserver delegate) {
        this.delegate = delegate;
    }

    /** Delivers one event; the default just runs it. */
    void forward(Runnable event) {
        event.run();
    }

    @Override
    public void started(int total, int sandboxes) {
        forward(() -> delegate.started(total, sandboxes));
    }

    @Override
    public void phase(String line) {
        forward(() -> delegate.phase(line));
    }

    @Override
    public void detail(String line) {
        forward(() -> delegate.detail(line));
    }

    @Override
    public void warning(String line) {
        forward(() -> delegate.warning(line));
    }

    @Override
    public void sandboxReady(int slot) {
        forward(() -> delegate.sandboxReady(slot));
    }

    @Override
    public void batchStarted(int number, int slot, int tests) {
        forward(() -> delegate.batchStarted(number, slot, tests));
    }

    @Override
    public void batchFinished(BatchRecord batch) {
        forward(() -> delegate.batchFinished(batch));
    }

    @Override
    public void testsAdded(int delta) {
        forward(() -> delegate.testsAdded(delta));
    }

    @Override
    public void decided(DiscoveredTest test, Verdict verdict) {
        forward(() -> delegate.decided(test, verdict));
    }

    @Override
    public void testStarted(String id, int slot) {
        forward(() -> delegate.testStarted(id, slot));
    }

    @Override
    public void testReplaced(String id, java.util.List<String> children) {
        forward(() -> delegate.testReplaced(id, children));
    }

    @Override
    public void decided(TestOutcome outcome) {
        forward(() -> delegate.decided(outcome));
    }

    @Override
    public void finished() {
        forward(delegate::finished);
    }

    @Override
    public void batchOverhead(double secs, int samples) {
        forward(() -> delegate.batchOverhead(secs, samples));
    }
}
