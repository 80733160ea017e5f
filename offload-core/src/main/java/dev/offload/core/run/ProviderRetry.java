package dev.offload.core.run;

import dev.offload.core.provider.ProviderException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

/** Retries a provider operation up to 3 times, 0.5 s then 1 s apart (SPEC §8.3). */
final class ProviderRetry {
    private static final List<Duration> DELAYS = List.of(Duration.ofMillis(500), Duration.ofSeconds(1));

    @FunctionalInterface
    interface Operation<T> {
        T run() throws ProviderException, InterruptedException;
    }

    private ProviderRetry() {}

    static <T> T call(String operation, Operation<T> op, Consumer<String> log)
            throws ProviderException, InterruptedException {
        for (int attempt = 1; ; attempt++) {
            try {
                return op.run();
            } catch (ProviderException e) {
                if (attempt > DELAYS.size() || !e.retryable()) {
                    throw e;
                }
                Duration delay = DELAYS.get(attempt - 1);
                log.accept("retrying %s (attempt %d/3) after %dms: %s"
                        .formatted(operation, attempt + 1, delay.toMillis(), e.getMessage()));
                Thread.sleep(delay.toMillis());
            }
        }
    }
}
