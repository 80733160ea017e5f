package dev.offload.core.run;

/**
 * Shields the orchestrator from its observers: an observer that throws loses that one event, never the run (a
 * listener failure is logged, never fatal). Events are called under the dispatcher's lock, so a throw there would
 * otherwise leave a batch half applied.
 */
final class SafeObserver extends ForwardingObserver {
    SafeObserver(RunObserver delegate) {
        super(delegate);
    }

    @Override
    void forward(Runnable event) {
        try {
            event.run();
        } catch (RuntimeException e) {
            System.err.println("warning: progress output failed: " + e);
        }
    }
}
