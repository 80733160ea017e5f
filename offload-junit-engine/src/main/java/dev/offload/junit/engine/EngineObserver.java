package dev.offload.junit.engine;

import dev.offload.core.run.RunObserver;
import dev.offload.core.run.TestOutcome;
import java.util.function.Consumer;

/**
 * Offload's run events, for the engine: verdicts go to the {@link Replay}; warnings are kept for the end, because
 * anything printed while tests run would be attributed to a test by Surefire.
 */
final class EngineObserver implements RunObserver {
    private final Replay replay;
    private final Consumer<String> warnings;

    EngineObserver(Replay replay, Consumer<String> warnings) {
        this.replay = replay;
        this.warnings = warnings;
    }

    @Override
    public void warning(String line) {
        warnings.accept(line);
    }

    @Override
    public void testStarted(String id, int slot) {
        replay.started(id, slot);
    }

    @Override
    public void batchFinished(dev.offload.core.run.BatchRecord batch) {
        replay.batchFinished(batch.sandbox());
    }

    @Override
    public void testReplaced(String id, java.util.List<String> children) {
        replay.replaced(id, children);
    }

    @Override
    public void decided(TestOutcome outcome) {
        replay.decided(outcome);
    }
}
