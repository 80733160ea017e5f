package dev.offload.core.provider;

import dev.offload.core.config.Config;
import dev.offload.core.image.ImageBuilder;
import dev.offload.core.image.ImageException;
import dev.offload.core.image.ImageOptions;
import dev.offload.core.image.ImagePipeline;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Image preparation for {@code offload build} and for a run (SPEC §5.4, §13): picks the provider's {@link
 * ImageBuilder}, runs the {@link ImagePipeline} in a temporary directory and deletes it afterwards.
 */
public final class SandboxImages {
    private SandboxImages() {}

    /**
     * @return the image id, or empty when the provider builds no images (local, ssh, default without prepare_command)
     */
    public static Optional<String> prepare(
            Config config, ImageOptions options, Consumer<String> progress, Consumer<String> warnings)
            throws ImageException, InterruptedException {
        if (!ImageBuilders.buildsImages(config.provider())) {
            return Optional.empty();
        }
        Path temp;
        try {
            temp = Files.createTempDirectory("offload-image-");
        } catch (IOException e) {
            throw new ImageException("cannot create a temporary directory: " + e.getMessage(), e);
        }
        try (ImageBuilder builder = ImageBuilders.create(config, temp)) {
            return Optional.of(new ImagePipeline(config, builder, options, progress, warnings, temp).prepare());
        } catch (ProviderException e) {
            throw new ImageException(e.getMessage(), e);
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
