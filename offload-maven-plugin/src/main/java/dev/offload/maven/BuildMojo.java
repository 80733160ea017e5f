package dev.offload.maven;

import dev.offload.core.config.Config;
import dev.offload.core.image.ImageException;
import dev.offload.core.image.ImageOptions;
import dev.offload.core.provider.SandboxImages;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/**
 * Builds the sandbox image like {@code offload build}: the git-notes image cache is consulted first, so a second build
 * of the same commit builds nothing. Logs the image id.
 *
 * @since 0.1.0
 */
@Mojo(name = "build", threadSafe = true)
public class BuildMojo extends AbstractOffloadMojo {

    /**
     * Neither read nor write the git-notes image cache.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.noCache", defaultValue = "false")
    private boolean noCache;

    @Override
    void executeGoal() throws MojoExecutionException {
        Optional<Config> config = loadConfig();
        if (config.isEmpty()) {
            return;
        }
        try {
            Optional<String> image = SandboxImages.prepare(
                    config.get(),
                    new ImageOptions(noCache, Optional.empty(), List.of()),
                    getLog()::info,
                    getLog()::warn);
            if (image.isEmpty()) {
                getLog().info("Provider '" + config.get().provider().type()
                        + "' does not build images. Nothing to do.");
            } else {
                getLog().info("Image: " + image.get());
            }
        } catch (ImageException e) {
            throw new MojoExecutionException(
                    MojoErrors.withHint(
                            "Offload image build failed: " + MojoErrors.oneLine(e),
                            "Check [provider] in " + configPath() + " and the build output above."),
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Offload build interrupted", e);
        }
    }
}
