package dev.offload.maven;

import dev.offload.core.config.Config;
import dev.offload.core.report.ProgressPrinter;
import dev.offload.core.run.Plan;
import dev.offload.core.run.RunAbortedException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Predicts the wall time (and cost) of a run for several sandbox counts, like {@code offload plan}: the answer to
 * "how many sandboxes should we pay for?". Uses the estimates a run would use (history first); discovers tests but
 * never creates a sandbox.
 *
 * @since 0.1.0
 */
@Mojo(name = "plan", requiresDependencyResolution = ResolutionScope.TEST, threadSafe = true)
public class PlanMojo extends AbstractOffloadMojo {

    /**
     * Sandbox counts to predict, as a comma list (default: 1, {@code max_parallel}, 2× and 4× it).
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.parallel")
    private String parallel;

    /**
     * Add the estimated cost to each line.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.showEstimatedCost", defaultValue = "false")
    private boolean showEstimatedCost;

    @Override
    void executeGoal() throws MojoExecutionException {
        List<Integer> counts = counts();
        Optional<Config> config = loadConfig();
        if (config.isEmpty()) {
            return;
        }
        var progress = new ProgressPrinter(getLog()::info, getLog()::warn, System::nanoTime);
        try {
            Plan.render(config.get(), counts, showEstimatedCost, progress)
                    .lines()
                    .forEach(getLog()::info);
        } catch (RunAbortedException e) {
            throw MojoErrors.aborted(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Offload plan interrupted", e);
        }
    }

    private List<Integer> counts() throws MojoExecutionException {
        List<Integer> counts = new ArrayList<>();
        if (parallel == null || parallel.isBlank()) {
            return counts;
        }
        for (String part : parallel.split(",")) {
            try {
                int n = Integer.parseInt(part.strip());
                if (n < 1) {
                    throw new NumberFormatException();
                }
                counts.add(n);
            } catch (NumberFormatException e) {
                throw new MojoExecutionException(MojoErrors.withHint(
                        "Invalid offload.parallel entry '" + part.strip() + "'.",
                        "Use a comma list of sandbox counts of at least 1, e.g. -Doffload.parallel=1,4,8."));
            }
        }
        return counts;
    }
}
