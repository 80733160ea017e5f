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
     * @throws ProviderException for a provider type that builds no images ({@link #buildsImages} is false)
     */
    public static ImageBuilder create(Config config, Path tempDir) throws ProviderException {
        if (config.provider() instanceof ProviderConfig.Docker docker) {
            return new DockerImageBuilder(
                    DockerClients.connect(docker.dockerHost()), docker, config.offload(), tempDir);
        }
        if (config.provider() instanceof ProviderConfig.Modal modal) {
            return PrepareCommandBuilder.forModal(config, modal);
        }
        if (config.provider() instanceof ProviderConfig.Default templates
                && templates.prepareCommand().isPresent()) {
            return PrepareCommandBuilder.forDefault(config, templates);
        }
        throw new ProviderException("provider type '" + config.provider().type() + "' builds no images");
    }
}
