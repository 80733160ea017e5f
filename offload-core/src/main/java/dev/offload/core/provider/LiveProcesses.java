package dev.offload.core.provider;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;

/**
 * The running batch processes of one local provider. A batch is registered in the same critical section that starts
 * it, and {@link #killAll} takes the exclusive side of that lock: a Ctrl-C that arrives while a batch is starting
 * waits for it to be registered and then stops it, instead of missing it (SPEC §8.4).
 */
final class LiveProcesses {
    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Set<ProcessTree> trees = ConcurrentHashMap.newKeySet();
    private volatile boolean closed;

    @FunctionalInterface
    interface Start<T> {
        T run() throws ProviderException;
    }

    /** Starts a batch and registers its tree; refuses once {@link #killAll} has run. */
    <T> T start(Start<T> start, Function<T, ProcessTree> treeOf) throws ProviderException {
        lock.readLock().lock();
        try {
            if (closed) {
                throw new ProviderException("not starting a batch: Offload is shutting down");
            }
            T started = start.run();
            trees.add(treeOf.apply(started));
            return started;
        } finally {
            lock.readLock().unlock();
        }
    }

    void remove(ProcessTree tree) {
        trees.remove(tree);
    }

    /** Stops every registered batch and refuses new ones. */
    void killAll(Duration grace) {
        lock.writeLock().lock();
        try {
            closed = true;
        } finally {
            lock.writeLock().unlock();
        }
        ProcessTree.killAll(List.copyOf(trees), grace);
    }
}
