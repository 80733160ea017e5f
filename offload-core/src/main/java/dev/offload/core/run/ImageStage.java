package dev.offload.core.run;

import dev.offload.core.config.Config;
import dev.offload.core.image.ImageException;
import dev.offload.core.image.ImageOptions;
import dev.offload.core.provider.ImageBuilders;
import dev.offload.core.provider.SandboxImages;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Image preparation running beside discovery (SPEC §5.3 step 4) on its own thread; {@link #await} joins it. Providers
 * that build no images get an empty image at once.
 */
final class ImageStage {
    private final CompletableFuture<Optional<String>> image;
    private final HeldLines held;

    private ImageStage(CompletableFuture<Optional<String>> image, HeldLines held) {
        this.image = image;
        this.held = held;
    }

    /**
     * Prints what preparation has said so far and everything after at once. Until then its lines are held back, so
     * that discovery's own lines are not interleaved with build output (SPEC §5.3 step 4).
     */
    void releaseOutput() {
        held.release();
    }

    static ImageStage start(Config config, ImageOptions options, RunObserver observer) {
        var held = new HeldLines(observer);
        if (!ImageBuilders.hasPipelineBuilder(config.provider())) {
            return new ImageStage(CompletableFuture.completedFuture(Optional.empty()), held);
        }
        CompletableFuture<Optional<String>> future = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        future.complete(SandboxImages.prepare(config, options, held::phase, held::warning));
                    } catch (Throwable e) {
                        future.completeExceptionally(e);
                    }
                },
                "offload-image");
        thread.setDaemon(true);
        thread.start();
        return new ImageStage(future, held);
    }

    /**
     * Waits for the image, giving up when {@code cancelled} turns true.
     *
     * @throws ImageException when preparation failed
     */
    Optional<String> await(BooleanSupplier cancelled) throws ImageException, InterruptedException {
        releaseOutput();
        while (true) {
            try {
                return image.get(200, TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (cancelled.getAsBoolean()) {
                    throw new InterruptedException("cancelled during image preparation");
                }
            } catch (ExecutionException e) {
                if (e.getCause() instanceof ImageException image) {
                    throw image;
                }
                if (e.getCause() instanceof InterruptedException interrupted) {
                    throw interrupted;
                }
                throw new IllegalStateException("image preparation failed", e.getCause());
            }
        }
    }

    /** Phase and warning lines, queued until {@link #release}, then passed straight on. */
    private static final class HeldLines {
        private final RunObserver observer;
        private final java.util.List<Runnable> queued = new java.util.ArrayList<>();
        private boolean released;

        HeldLines(RunObserver observer) {
            this.observer = observer;
        }

        void phase(String line) {
            emit(() -> observer.phase(line));
        }

        void warning(String line) {
            emit(() -> observer.warning(line));
        }

        private synchronized void emit(Runnable line) {
            if (released) {
                line.run();
            } else {
                queued.add(line);
            }
        }

        synchronized void release() {
            if (!released) {
                released = true;
                queued.forEach(Runnable::run);
                queued.clear();
            }
        }
    }
}
