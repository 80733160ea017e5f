package dev.offload.core.provider;

import dev.offload.core.config.Config;
import dev.offload.core.config.ProviderConfig;
import dev.offload.core.image.ImageBuilder;
import dev.offload.core.provider.docker.DockerClients;
import dev.offload.core.provider.docker.DockerImageBuilder;
import java.nio.file.Path;

/**
 * The {@link ImageBuilder} of a provider type that builds images (SPEC §13.1). A provider that builds images adds
 * its case here; the pipeline around it ({@link dev.offload.core.image.ImagePipeline}) is shared.
 */
public final class ImageBuilders {
    private ImageBuilders() {}

    /** Whether {@code build} and the run's image step apply: modal, docker, default with a prepare_command. */
    public static boolean buildsImages(ProviderConfig provider) {
        return provider instanceof ProviderConfig.Docker
                || provider instanceof ProviderConfig.Modal
                || (provider instanceof ProviderConfig.Default d
                        && d.prepareCommand().isPresent());
    }

    /**
     * Whether the image pipeline (cache, thin diff) prepares this provider's image during a run. Only docker has a
     * builder so far; {@code default} and {@code modal} prepare through {@link ImagePreparation} when the provider is
     * created.
     */
    public static boolean hasPipelineBuilder(ProviderConfig provider) {
        return provider instanceof ProviderConfig.Docker;
    }

    /**
     * @throws ProviderException for a provider type whose builder this release lacks
     */
    public static ImageBuilder create(Config config, Path tempDir) throws ProviderException {
        if (config.provider() instanceof ProviderConfig.Docker docker) {
            return new DockerImageBuilder(
                    DockerClients.connect(docker.dockerHost()), docker, config.offload(), tempDir);
        }
        throw new ProviderException(
                "provider type '" + config.provider().type() + "' cannot build images in this release yet");
    }
}
