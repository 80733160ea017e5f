package dev.offload.core.provider;

import dev.offload.core.config.Config;
import dev.offload.core.config.ProviderConfig;
import dev.offload.core.provider.docker.DockerClients;
import dev.offload.core.provider.docker.DockerProvider;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Creates the {@link Provider} a validated {@code [provider]} table describes. */
public final class Providers {
    private Providers() {}

    /**
     * @throws ProviderException for a provider type this release cannot run yet
     */
    public static Provider create(Config config, Path runTempDir, Consumer<String> warnings) throws ProviderException {
        return create(config, runTempDir, List.of(), warnings, Optional.empty());
    }

    /** As below, the run id taken from the run temp dir's name {@code offload-<run id>}. */
    public static Provider create(
            Config config, Path runTempDir, List<String> cliCopyDirs, Consumer<String> warnings, Optional<String> image)
            throws ProviderException {
        String runId = runTempDir.getFileName().toString().replaceFirst("^offload-", "");
        return create(config, runTempDir, runId, cliCopyDirs, warnings, image);
    }

    /**
     * @param runId the run's id (SPEC §5.3), for docker's container names and labels
     * @param cliCopyDirs {@code --copy-dir} values; they went into the image the pipeline prepared (SPEC §13.4)
     * @param image the prepared image (SPEC §13), for providers that build images through the image pipeline
     * @throws ProviderException for a provider type this release cannot run yet, or settings found unusable
     */
    public static Provider create(
            Config config,
            Path runTempDir,
            String runId,
            List<String> cliCopyDirs,
            Consumer<String> warnings,
            Optional<String> image)
            throws ProviderException {
        if (config.provider() instanceof ProviderConfig.Local local) {
            LocalProvider.ignoredSettings(config.offload()).forEach(warnings);
            return LocalProvider.from(local, config.offload(), config.configDir(), runTempDir);
        }
        if (config.provider() instanceof ProviderConfig.Docker docker) {
            String imageId = image.orElseThrow(() -> new ProviderException("docker provider: no image was prepared"));
            return new DockerProvider(
                    DockerClients.connect(docker.dockerHost()), docker, imageId, runId, sandboxRoot(config), warnings);
        }
        // Sandbox-side temp directory: the same name as this machine's, under /tmp (SPEC §8.1).
        String sandboxTemp = "/tmp/" + runTempDir.getFileName();
        if (config.provider() instanceof ProviderConfig.Default templates) {
            TemplateScripts.extractReferenced(templates, config.report().outputDir());
            var commands = TemplateCommands.from(templates, config.offload(), config.configDir(), sandboxTemp);
            return new DefaultProvider(commands, "default", image.orElse(""), runTempDir);
        }
        if (config.provider() instanceof ProviderConfig.Modal modal) {
            String imageId = image.orElseThrow(() -> new ProviderException("modal provider: no image was prepared"));
            return ModalProvider.create(config, modal, imageId, sandboxTemp, runTempDir);
        }
        throw new ProviderException(
                "provider type '" + config.provider().type()
                        + "' cannot run batches in this release yet; use type = \"local\", \"docker\", \"default\" or \"modal\"");
    }

    /** {@code OFFLOAD_ROOT} inside a sandbox: {@code sandbox_project_root}, relative ones below the repo root. */
    private static String sandboxRoot(Config config) {
        String project = config.offload().sandboxProjectRoot();
        return project.startsWith("/") ? project : config.offload().sandboxRepoRoot() + "/" + project;
    }
}
