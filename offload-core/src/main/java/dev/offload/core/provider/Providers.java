package dev.offload.core.provider;

import dev.offload.core.config.Config;
import dev.offload.core.config.ProviderConfig;
import dev.offload.core.provider.docker.DockerClients;
import dev.offload.core.provider.docker.DockerProvider;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Consumer;

/** Creates the {@link Provider} a validated {@code [provider]} table describes. */
public final class Providers {
    private Providers() {}

    /**
     * @throws ProviderException for a provider type this release cannot run yet
     */
    public static Provider create(Config config, Path runTempDir, Consumer<String> warnings) throws ProviderException {
        return create(config, runTempDir, warnings, Optional.empty());
    }

    /**
     * @param image the prepared image (SPEC §13), for providers that build images
     * @throws ProviderException for a provider type this release cannot run yet
     */
    public static Provider create(Config config, Path runTempDir, Consumer<String> warnings, Optional<String> image)
            throws ProviderException {
        if (config.provider() instanceof ProviderConfig.Local local) {
            LocalProvider.ignoredSettings(config.offload()).forEach(warnings);
            return LocalProvider.from(local, config.offload(), config.configDir(), runTempDir);
        }
        if (config.provider() instanceof ProviderConfig.Docker docker) {
            // The run temp dir is named offload-<run id> (RunTempDir); containers carry the same id.
            String runId = runTempDir.getFileName().toString().replaceFirst("^offload-", "");
            String imageId = image.orElseThrow(() -> new ProviderException("docker provider: no image was prepared"));
            return new DockerProvider(
                    DockerClients.connect(docker.dockerHost()), docker, imageId, runId, sandboxRoot(config), warnings);
        }
        throw new ProviderException("provider type '" + config.provider().type()
                + "' cannot run batches in this release yet; use type = \"local\"");
    }

    /** {@code OFFLOAD_ROOT} inside a sandbox: {@code sandbox_project_root}, relative ones below the repo root. */
    private static String sandboxRoot(Config config) {
        String project = config.offload().sandboxProjectRoot();
        return project.startsWith("/") ? project : config.offload().sandboxRepoRoot() + "/" + project;
    }
}
