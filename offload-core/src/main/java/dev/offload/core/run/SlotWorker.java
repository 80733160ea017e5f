package dev.offload.core.run;

import dev.offload.core.provider.Provider;
import dev.offload.core.provider.ProviderException;
import dev.offload.core.provider.Sandbox;
import dev.offload.core.report.BatchLog;
import java.io.IOException;
import java.util.Optional;

/**
 * One pool slot: creates its sandbox (SPEC §9.4), then runs batches as the dispatcher hands them out until the run is
 * over. A sandbox whose two consecutive batches end in infrastructure errors is replaced once.
 */
final class SlotWorker implements Runnable {
    private final int slot;
    private final Provider provider;
    private final Dispatcher dispatcher;
    private final SandboxRegistry registry;
    private final BatchExecution execution;
    private final RunSettings settings;
    private final RunObserver observer;

    SlotWorker(
            int slot,
            Provider provider,
            Dispatcher dispatcher,
            SandboxRegistry registry,
            BatchExecution execution,
            RunSettings settings,
            RunObserver observer) {
        this.slot = slot;
        this.provider = provider;
        this.dispatcher = dispatcher;
        this.registry = registry;
        this.execution = execution;
        this.settings = settings;
        this.observer = observer;
    }

    @Override
    public void run() {
        try {
            Optional<Sandbox> sandbox = create();
            boolean replaced = false;
            int consecutiveErrors = 0;
            while (sandbox.isPresent()) {
                Optional<Assignment> batch = dispatcher.next(slot);
                if (batch.isEmpty()) {
                    return;
                }
                BatchReport report = runBatch(batch.get(), sandbox.get());
                if (sandbox.get().needsReplacement() && !dispatcher.isOver()) {
                    // A stopped batch may still run inside it (SPEC §8.6): the next batch gets a fresh sandbox.
                    registry.destroy(sandbox.get());
                    sandbox = create();
                    consecutiveErrors = 0;
                    continue;
                }
                consecutiveErrors = report.infrastructureError().isPresent() ? consecutiveErrors + 1 : 0;
                if (consecutiveErrors >= 2 && !dispatcher.isOver()) {
                    registry.destroy(sandbox.get());
                    if (replaced) {
                        dispatcher.slotClosed("sandbox for slot " + slot + " keeps failing");
                        return;
                    }
                    observer.warning("replacing sandbox " + sandbox.get().id() + " after two infrastructure errors");
                    sandbox = create();
                    replaced = true;
                    consecutiveErrors = 0;
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            // Our bug or an exhausted JVM: close the slot so that the run ends instead of waiting for it.
            dispatcher.slotClosed("internal error: " + e);
            throw e;
        }
    }

    private Optional<Sandbox> create() throws InterruptedException {
        try {
            Sandbox sandbox =
                    ProviderRetry.call("create of sandbox " + slot, () -> provider.create(slot), observer::warning);
            registry.register(sandbox);
            observer.sandboxReady(slot);
            return Optional.of(sandbox);
        } catch (ProviderException e) {
            observer.warning("sandbox slot " + slot + " closed: " + e.getMessage());
            dispatcher.slotClosed(e.getMessage());
            return Optional.empty();
        }
    }

    private BatchReport runBatch(Assignment batch, Sandbox sandbox) throws InterruptedException {
        BatchLog log;
        try {
            log = BatchLog.open(settings.logsDir(), batch.number());
        } catch (IOException e) {
            BatchReport report = BatchReport.infrastructureError("cannot write batch log: " + e.getMessage(), "", "");
            dispatcher.complete(batch, report);
            return report;
        }
        BatchReport report;
        try {
            report = execution.run(batch, sandbox, log);
        } catch (RuntimeException | Error e) {
            // Our bug, or an Error such as OutOfMemoryError while reading a huge result: the batch must still be
            // completed, or it would stay "running" and the run would never end. Its verdicts say what happened.
            report = BatchReport.infrastructureError("internal error: " + e, "", "");
        }
        BatchRecord.BatchOutcome outcome = dispatcher.complete(batch, report);
        try {
            log.close(outcome);
        } catch (IOException e) {
            observer.warning("could not rename the logs of batch " + batch.number() + ": " + e.getMessage());
        }
        return report;
    }
}
