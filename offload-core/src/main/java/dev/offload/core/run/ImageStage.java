package dev.offload.core.run;

import dev.offload.core.config.Config;
import dev.offload.core.image.ImageException;
import dev.offload.core.image.ImageOptions;
import dev.offload.core.provider.ImageBuilders;
import dev.offload.core.provider.ImagePreparation;
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

    private ImageStage(CompletableFuture<Optional<String>> image) {
        this.image = image;
    }

    static ImageStage start(Config config, ImageOptions options, RunObserver observer) {
        if (!ImageBuilders.buildsImages(config.provider())) {
            return new ImageStage(CompletableFuture.completedFuture(Optional.empty()));
        }
        CompletableFuture<Optional<String>> future = new CompletableFuture<>();
        Thread thread = new Thread(
                () -> {
                    try {
                        future.complete(ImagePreparation.prepare(config, options, observer::phase, observer::warning));
                    } catch (Throwable e) {
                        future.completeExceptionally(e);
                    }
                },
                "offload-image");
        thread.setDaemon(true);
        thread.start();
        return new ImageStage(future);
    }

    /**
     * Waits for the image, giving up when {@code cancelled} turns true.
     *
     * @throws ImageException when preparation failed
     */
    Optional<String> await(BooleanSupplier cancelled) throws ImageException, InterruptedException {
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
}
