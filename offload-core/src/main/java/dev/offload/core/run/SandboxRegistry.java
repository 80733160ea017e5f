package dev.offload.core.run;

import dev.offload.core.provider.Provider;
import dev.offload.core.provider.ProviderException;
import dev.offload.core.provider.Sandbox;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Every sandbox of a run, registered the moment it exists, so that teardown can destroy each one on every exit path
 * (SPEC §8.4). Also measures sandbox lifetimes for the cost estimate (§8.10).
 */
final class SandboxRegistry {
    private static final int TEARDOWN_CONCURRENCY = 16;

    private final Clock clock;
    private final Consumer<String> warnings;
    private final Provider provider;
    private final Map<Sandbox, Instant> live = new IdentityHashMap<>();
    private double sandboxSeconds;
    private int created;

    SandboxRegistry(Clock clock, Consumer<String> warnings) {
        this(clock, warnings, null);
    }

    /** @param provider asked first to destroy every sandbox at once ({@link Provider#destroyMany}); may be null */
    SandboxRegistry(Clock clock, Consumer<String> warnings, Provider provider) {
        this.clock = clock;
        this.warnings = warnings;
        this.provider = provider;
    }

    synchronized void register(Sandbox sandbox) {
        live.put(sandbox, clock.instant());
        created++;
    }

    synchronized int created() {
        return created;
    }

    synchronized int alive() {
        return live.size();
    }

    synchronized double sandboxSeconds() {
        return sandboxSeconds;
    }

    /** Destroys one sandbox now (replacement after repeated infrastructure errors). */
    void destroy(Sandbox sandbox) throws InterruptedException {
        try {
            sandbox.destroy();
        } catch (ProviderException e) {
            warnings.accept("could not destroy sandbox " + sandbox.id() + ": " + e.getMessage());
        }
        forget(sandbox);
    }

    /**
     * Destroys every live sandbox, {@value #TEARDOWN_CONCURRENCY} at a time, within {@code limit}; returns the ids
     * not confirmed destroyed (each also named in a warning).
     */
    List<String> destroyAll(Duration limit) throws InterruptedException {
        List<Sandbox> sandboxes;
        synchronized (this) {
            sandboxes = new ArrayList<>(live.keySet());
        }
        if (sandboxes.isEmpty()) {
            return List.of();
        }
        if (destroyedAtOnce(sandboxes, limit)) {
            return List.of();
        }
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(TEARDOWN_CONCURRENCY, sandboxes.size()));
        try {
            List<Future<?>> removals = new ArrayList<>();
            for (Sandbox sandbox : sandboxes) {
                removals.add(pool.submit(() -> {
                    destroy(sandbox);
                    return null;
                }));
            }
            pool.shutdown();
            pool.awaitTermination(limit.toMillis(), TimeUnit.MILLISECONDS);
        } finally {
            pool.shutdownNow();
        }
        List<String> leftovers;
        synchronized (this) {
            leftovers = live.keySet().stream().map(Sandbox::id).toList();
        }
        for (String id : leftovers) {
            warnings.accept("sandbox " + id + " was not confirmed destroyed; remove it by hand");
        }
        return leftovers;
    }

    /** The provider's one-call teardown (modal's destroy-many); on failure the caller destroys one by one. */
    private boolean destroyedAtOnce(List<Sandbox> sandboxes, Duration limit) throws InterruptedException {
        if (provider == null) {
            return false;
        }
        try {
            if (!provider.destroyMany(sandboxes, limit)) {
                return false;
            }
        } catch (ProviderException e) {
            warnings.accept("could not destroy the sandboxes at once, destroying them one by one: " + e.getMessage());
            return false;
        }
        sandboxes.forEach(this::forget);
        return true;
    }

    private synchronized void forget(Sandbox sandbox) {
        Instant since = live.remove(sandbox);
        if (since != null) {
            sandboxSeconds += Duration.between(since, clock.instant()).toNanos() / 1e9;
        }
    }
}
