package dev.offload.core.provider;

import java.util.concurrent.CompletableFuture;

/**
 * Asks one exec to stop. It belongs to a single batch, so a stop that is decided while the batch is still starting is
 * not lost, and a late stop can never hit the next batch on the same sandbox. A sandbox's {@code exec} returns
 * promptly (with {@code stopped}) once it is triggered, also when it was triggered before the exec began.
 */
public final class StopSignal {
    private final CompletableFuture<Void> future = new CompletableFuture<>();

    public void trigger() {
        future.complete(null);
    }

    public boolean triggered() {
        return future.isDone();
    }

    /** Completes when triggered; for waiting on together with the process. */
    public CompletableFuture<Void> future() {
        return future;
    }
}
