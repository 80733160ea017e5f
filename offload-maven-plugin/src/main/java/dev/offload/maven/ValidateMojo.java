package dev.offload.maven;

import dev.offload.core.config.ConfigSummary;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;

/**
 * Checks the Offload configuration file and logs the settings it results in, like {@code offload validate}. Set
 * {@code offload.strict} to make unknown keys errors.
 *
 * @since 0.1.0
 */
@Mojo(name = "validate", defaultPhase = LifecyclePhase.VALIDATE, threadSafe = true)
public class ValidateMojo extends AbstractOffloadMojo {

    @Override
    void executeGoal() throws MojoExecutionException {
        loadConfig().ifPresent(config -> ConfigSummary.render(config).lines().forEach(getLog()::info));
    }

    @Override
    String configErrorHint() {
        return "Fix " + configPath() + ", or set the offload.config property to the file to use.";
    }
}
