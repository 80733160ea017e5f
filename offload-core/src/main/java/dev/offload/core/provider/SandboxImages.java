package dev.offload.core.provider;

import dev.offload.core.config.Config;
import dev.offload.core.image.ImageBuilder;
import dev.offload.core.image.ImageException;
import dev.offload.core.image.ImageOptions;
import dev.offload.core.image.ImagePipeline;
import dev.offload.core.image.PreparedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Image preparation for {@code offload build} and for a run (SPEC §5.4, §13), the same for every provider that builds
 * images: picks the provider's {@link ImageBuilder}, runs the {@link ImagePipeline} in a temporary directory and
 * deletes it afterwards; {@link #release} removes an image built for one run once the run is over.
 */
public final class SandboxImages {
    private SandboxImages() {}

    /**
     * @return the image id, or empty when the provider builds no images (local, ssh, default without prepare_command)
     */
    public static Optional<String> prepare(
            Config config, ImageOptions options, Consumer<String> progress, Consumer<String> warnings)
            throws ImageException, InterruptedException {
        return prepareForRun(config, options, progress, warnings).map(PreparedImage::id);
    }

    /**
     * As {@link #prepare}, saying whether the image was built for this run alone (a thin diff on the cached base).
     * {@code --override-image-id} is used as it is, without contacting the provider.
     */
    public static Optional<PreparedImage> prepareForRun(
            Config config, ImageOptions options, Consumer<String> progress, Consumer<String> warnings)
            throws ImageException, InterruptedException {
        if (!ImageBuilders.buildsImages(config.provider())) {
            return Optional.empty();
        }
        if (options.overrideImageId().isPresent()) {
            progress.accept("[prepare] using the image given by --override-image-id: "
                    + options.overrideImageId().get());
            return Optional.of(new PreparedImage(options.overrideImageId().get(), false));
        }
        Path temp;
        try {
            temp = Files.createTempDirectory("offload-image-");
        } catch (IOException e) {
            throw new ImageException("cannot create a temporary directory: " + e.getMessage(), e);
        }
        try (ImageBuilder builder = ImageBuilders.create(config, temp)) {
            return Optional.of(new ImagePipeline(config, builder, options, progress, warnings, temp).prepareImage());
        } catch (ProviderException e) {
            throw new ImageException(e.getMessage(), e);
        } finally {
            deleteTree(temp);
        }
    }

    /**
     * Removes {@code image} when it was built for one run and the provider can remove images (docker); the cached base
     * stays. Called once the run's sandboxes are gone; a failure is a warning.
     */
    public static void release(Config config, PreparedImage image, Consumer<String> warnings) {
        if (!image.runOnly()) {
            return;
        }
        Path temp;
        try {
            temp = Files.createTempDirectory("offload-image-");
        } catch (IOException e) {
            warnings.accept("could not remove image " + image.id() + ": " + e.getMessage());
            return;
        }
        try (ImageBuilder builder = ImageBuilders.create(config, temp)) {
            builder.remove(image.id());
        } catch (ProviderException | ImageException e) {
            warnings.accept("could not remove image " + image.id() + ": " + e.getMessage());
        } finally {
            deleteTree(temp);
        }
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a leftover temp directory is harmless
        }
    }
}
