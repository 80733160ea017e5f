package dev.offload.maven;

import dev.offload.core.config.Config;
import dev.offload.core.report.ProgressPrinter;
import dev.offload.core.run.Collect;
import dev.offload.core.run.RunAbortedException;
import java.util.Locale;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Discovers the tests and prints their ids by group, like {@code offload collect}.
 *
 * @since 0.1.0
 */
@Mojo(name = "collect", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class CollectMojo extends AbstractOffloadMojo {

    /**
     * Output format: {@code text} or {@code json}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.format", defaultValue = "text")
    private String format;

    /**
     * Print only shard {@code i/n}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.shard")
    private String shard;

    @Override
    void executeGoal() throws MojoExecutionException {
        Collect.Format chosen = parseFormat();
        Optional<Config> config = loadConfig();
        if (config.isEmpty()) {
            return;
        }
        var progress = new ProgressPrinter(getLog()::info, getLog()::warn, System::nanoTime);
        try {
            String text = Collect.render(config.get(), chosen, Optional.ofNullable(shard), progress);
            text.lines().forEach(getLog()::info);
        } catch (RunAbortedException e) {
            throw MojoErrors.aborted(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Offload collect interrupted", e);
        }
    }

    private Collect.Format parseFormat() throws MojoExecutionException {
        try {
            return Collect.Format.valueOf(format.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new MojoExecutionException(
                    MojoErrors.withHint("Unknown offload.format '" + format + "'.", "Use text or json."));
        }
    }
}
