package dev.offload.core.run;

import dev.offload.core.config.Config;
import dev.offload.core.image.ImageException;
import dev.offload.core.image.ImageOptions;
import dev.offload.core.image.PreparedImage;
import dev.offload.core.provider.ImageBuilders;
import dev.offload.core.provider.SandboxImages;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BooleanSupplier;

/**
 * Image preparation running beside discovery (SPEC §5.3 step 4) on its own thread; {@link #await} joins it, and
 * {@link #release} removes an image built for this run alone once its sandboxes are gone. Every provider that builds
 * images (docker, modal, default with a prepare command) goes through the same pipeline; the others get an empty image
 * at once.
 */
final class ImageStage {
    private final Config config;
    private final CompletableFuture<Optional<PreparedImage>> image;
    private final HeldLines held;

    private ImageStage(Config config, CompletableFuture<Optional<PreparedImage>> image, HeldLines held) {
        this.config = config;
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
        if (!ImageBuilders.buildsImages(config.provider())) {
            return new ImageStage(config, CompletableFuture.completedFuture(Optional.empty()), held);
        }
        CompletableFuture<Optional<PreparedImage>> future = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        future.complete(SandboxImages.prepareForRun(config, options, held::phase, held::warning));
                    } catch (Throwable e) {
                        future.completeExceptionally(e);
                    }
                },
                "offload-image");
        thread.setDaemon(true);
        thread.start();
        return new ImageStage(config, future, held);
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
                return image.get(200, TimeUnit.MILLISECONDS).map(PreparedImage::id);
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

    /**
     * Removes the image when it was built for this run alone (a thin diff; docker only): called after the provider has
     * removed every sandbox. The cached base image stays. Nothing happens when preparation failed or is still running.
     */
    void release() {
        Optional<PreparedImage> prepared =
                image.isDone() && !image.isCompletedExceptionally() ? image.getNow(Optional.empty()) : Optional.empty();
        prepared.ifPresent(built -> SandboxImages.release(config, built, held::warning));
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
