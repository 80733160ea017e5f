package dev.offload.maven;

import dev.offload.core.config.Config;
import dev.offload.core.image.ImageOptions;
import dev.offload.core.report.FinalSummary;
import dev.offload.core.report.ProgressPrinter;
import dev.offload.core.report.ReportLocation;
import dev.offload.core.run.Collect;
import dev.offload.core.run.OffloadRun;
import dev.offload.core.run.RunAbortedException;
import dev.offload.core.run.RunOptions;
import dev.offload.core.run.RunResult;
import dev.offload.core.trace.TraceRecorder;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;

/**
 * Runs the tests in parallel sandboxes, like {@code offload run}: discovers, batches by expected duration, retries
 * failures, tells flaky tests from broken ones and writes one merged JUnit report. A run whose only problem is flaky
 * tests passes with a warning unless {@code offload.failOnFlaky} is set.
 *
 * @since 0.1.0
 */
@Mojo(
        name = "run",
        defaultPhase = LifecyclePhase.INTEGRATION_TEST,
        requiresDependencyResolution = ResolutionScope.TEST,
        threadSafe = true)
public class RunMojo extends AbstractOffloadMojo {

    /**
     * Maximum number of sandboxes; overrides {@code max_parallel} of the configuration file.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.parallel")
    private Integer parallel;

    /**
     * Stop at the first test that fails for good; queued tests are reported as not run.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.failFast", defaultValue = "false")
    private boolean failFast;

    /**
     * Extra batch environment as a comma list of {@code KEY=VALUE}; overrides the provider's {@code env}.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.env")
    private List<String> env;

    /**
     * Extra copy dirs as a comma list of {@code LOCAL:REMOTE} (ignored with a warning by the local provider).
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.copyDirs")
    private List<String> copyDirs;

    /**
     * Print the estimated sandbox cost.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.showEstimatedCost", defaultValue = "false")
    private boolean showEstimatedCost;

    /**
     * Only discover and print the test ids, like {@code offload:collect}; no sandbox is started.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.collectOnly", defaultValue = "false")
    private boolean collectOnly;

    /**
     * Fail the build when the only problem is flaky tests (by default the build passes with a warning).
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.failOnFlaky", defaultValue = "false")
    private boolean failOnFlaky;

    /**
     * Run only shard {@code i/n} of the discovered tests (CI sharding).
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.shard")
    private String shard;

    /**
     * Neither read nor write the git-notes image cache (docker, modal, default with a prepare command).
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.noCache", defaultValue = "false")
    private boolean noCache;

    /**
     * docker, modal and default with a prepare command: skip image preparation and start sandboxes from this image.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.overrideImageId")
    private String overrideImageId;

    /**
     * Write {@code {output_dir}/trace.json}: Chrome trace events of the run's phases and every batch, which open in
     * Perfetto.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.trace", defaultValue = "false")
    private boolean trace;

    /**
     * Record this run's durations in the history file even when {@code record_history = "flag"}; needs a
     * {@code [history]} table.
     *
     * @since 0.1.0
     */
    @Parameter(property = "offload.recordHistory", defaultValue = "false")
    private boolean recordHistory;

    /**
     * Maven's usual switch: skips the run.
     *
     * @since 0.1.0
     */
    @Parameter(property = "skipTests", defaultValue = "false")
    private boolean skipTests;

    /**
     * Maven's usual switch: skips the run.
     *
     * @since 0.1.0
     */
    @Parameter(property = "maven.test.skip", defaultValue = "false")
    private boolean mavenTestSkip;

    @Override
    void executeGoal() throws MojoExecutionException, MojoFailureException {
        if (skipTests || mavenTestSkip) {
            getLog().info("Tests are skipped.");
            return;
        }
        TraceRecorder traceRecorder = TraceRecorder.start(trace, Clock.systemUTC());
        Instant loading = traceRecorder.now();
        Optional<Config> config = loadConfig();
        traceRecorder.phase("config_load", loading);
        if (config.isEmpty()) {
            return;
        }
        try {
            if (collectOnly) {
                String text = Collect.render(config.get(), Collect.Format.TEXT, Optional.ofNullable(shard), progress());
                text.lines().forEach(getLog()::info);
                return;
            }
            var images = new ImageOptions(noCache, Optional.ofNullable(overrideImageId), List.of());
            var run = new OffloadRun(config.get(), options(), images, progress(), Clock.systemUTC(), traceRecorder);
            RunResult result = run.executeCancellingOnShutdown();
            FinalSummary.render(result, showEstimatedCost).lines().forEach(getLog()::info);
            ReportLocation.of(config.get().report()).ifPresent(path -> getLog().info("Report: " + path));
            new RunOutcome(result, config.get(), failOnFlaky, getLog()).apply();
        } catch (RunAbortedException e) {
            throw MojoErrors.aborted(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MojoExecutionException("Offload run interrupted", e);
        }
    }

    private RunOptions options() throws MojoExecutionException {
        return new RunOptions(
                        parallel == null ? OptionalInt.empty() : OptionalInt.of(parallel),
                        Properties.keyValues("offload.env", env, getLog()::warn),
                        Properties.localRemote("offload.copyDirs", copyDirs),
                        failFast,
                        failOnFlaky,
                        showEstimatedCost,
                        Optional.ofNullable(shard))
                .withTraceAndHistory(trace, recordHistory);
    }

    private ProgressPrinter progress() {
        return new ProgressPrinter(getLog()::info, getLog()::warn, System::nanoTime);
    }
}
