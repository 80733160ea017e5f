package dev.offload.core.run;

import dev.offload.core.config.Config;
import dev.offload.core.config.ExpandedValues;
import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.framework.DiscoveryException;
import dev.offload.core.framework.Framework;
import dev.offload.core.framework.Frameworks;
import dev.offload.core.image.ImageException;
import dev.offload.core.image.ImageOptions;
import dev.offload.core.provider.CostModel;
import dev.offload.core.provider.Provider;
import dev.offload.core.provider.ProviderException;
import dev.offload.core.provider.Providers;
import dev.offload.core.provider.SandboxUpload;
import dev.offload.core.report.OutputDirectory;
import dev.offload.core.report.PreviousDurations;
import dev.offload.core.schedule.MakespanSimulator;
import dev.offload.core.schedule.Shard;
import dev.offload.core.trace.TraceRecorder;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The {@code run} sequence of SPEC §5.3, shared by every front door: discover, shard, schedule, execute, report. The
 * front door loads the config, prints the summary it gets back and maps the exit code to its own convention.
 */
public final class OffloadRun {
    private static final Duration TEARDOWN_LIMIT = Duration.ofSeconds(120);
    /** Teardown limit plus time to write the reports. */
    private static final Duration SHUTDOWN_WAIT = TEARDOWN_LIMIT.plusSeconds(10);

    private final Config config;
    private final RunOptions options;
    private final ImageOptions imageOptions;
    private final RunObserver observer;
    private final Clock clock;
    private final String runId = RunIds.next();
    private final AtomicReference<Orchestrator> orchestrator = new AtomicReference<>();
    private volatile String cancelled;
    /** The thread inside {@link #execute}, interrupted by {@link #cancel} while discovery runs. */
    private volatile Thread discovering;
    /** Tests the caller discovered itself (the JUnit engine); null means the framework discovers. */
    private List<DiscoveredTest> preDiscovered;

    private final TraceRecorder trace;

    public OffloadRun(Config config, RunOptions options, RunObserver observer, Clock clock) {
        this(config, options, ImageOptions.defaults(), observer, clock);
    }

    /** @param imageOptions {@code --no-cache}, {@code --override-image-id}, copy dirs for image builds (SPEC §13) */
    public OffloadRun(Config config, RunOptions options, ImageOptions imageOptions, RunObserver observer, Clock clock) {
        this(config, options, imageOptions, observer, clock, TraceRecorder.start(options.trace(), clock));
    }

    /**
     * @param imageOptions {@code --no-cache}, {@code --override-image-id}, copy dirs for image builds (SPEC §13)
     * @param trace started by the front door before it loaded the config, so {@code config_load} is in the trace; it
     *     records nothing unless {@link RunOptions#trace()} asked for it
     */
    public OffloadRun(
            Config config,
            RunOptions options,
            ImageOptions imageOptions,
            RunObserver observer,
            Clock clock,
            TraceRecorder trace) {
        this.config = config;
        this.options = options;
        // Copy dirs given for the run (--copy-dir) also go into the image it builds.
        this.imageOptions =
                new ImageOptions(imageOptions.noCache(), imageOptions.overrideImageId(), options.copyDirs());
        this.observer = observer;
        this.clock = clock;
        this.trace = trace;
    }

    public String runId() {
        return runId;
    }

    /**
     * Runs exactly these tests instead of asking the framework to discover (the JUnit engine has its launcher's test
     * plan, SPEC §16.4); the shard and estimates still apply. Call before {@link #execute()}.
     */
    public OffloadRun withDiscoveredTests(List<DiscoveredTest> tests) {
        this.preDiscovered = List.copyOf(tests);
        return this;
    }

    /**
     * Runs everything and writes the reports.
     *
     * @throws RunAbortedException when discovery or the provider fails before tests run (summary.json is written)
     */
    public RunResult execute() throws RunAbortedException, InterruptedException {
        Instant started = clock.instant();
        Optional<RunOptionsRules.Problem> invalid = RunOptionsRules.problem(options, imageOptions, config.provider());
        if (invalid.isPresent()) {
            throw abort(
                    started,
                    Optional.empty(),
                    invalid.get().message(),
                    invalid.get().hint(),
                    null);
        }
        Optional<Shard> shard = Collect.parseShard(options.shard());
        RunHistory.checkOptions(config, options);
        try (RunTempDir temp = RunTempDir.create(runId)) {
            Map<String, Double> previous =
                    PreviousDurations.read(config.report().junitPath());
            Plan.Overhead overhead = Plan.overhead(config); // the previous summary.json is about to be removed
            cleanOutputDir();
            Framework framework = createFramework(started, shard);
            if (config.provider().runsBatchesWithLocalTools()) { // e.g. pytest's fork server, ready after discovery
                Map<String, String> batchEnv = new HashMap<>(config.provider().env());
                batchEnv.putAll(options.env());
                temp.closeFirst(framework.startLocalHelper(temp.path(), config.configDir(), batchEnv));
            }
            framework.runWarnings(options.failFast()).forEach(observer::warning);
            SharedResultFile.warning(config, maxParallel()).ifPresent(observer::warning);
            ImageStage image = ImageStage.start(config, imageOptions, observer);
            Instant discoveryStart = trace.now();
            TestSelection selection;
            try {
                selection = discover(framework, temp.path(), started, shard, previous);
            } finally {
                image.releaseOutput(); // build output waits for discovery's finish line (SPEC §5.3 step 4)
            }
            trace.phase("discovery", discoveryStart);
            List<DiscoveredTest> tests = selection.selected();
            if (tests.isEmpty()) {
                observer.phase("No tests discovered.");
                return report(finish(started, shard, List.of(), emptyExecution()));
            }
            Map<String, Double> estimates = selection.estimates();
            Instant schedulingStart = trace.now();
            List<List<String>> queue = plan(tests, estimates, overhead, framework.readsIdsFromFile());
            trace.phase("scheduling", schedulingStart);
            Optional<SandboxUpload> upload = stageSandboxFiles(framework, started, shard);
            Orchestrator.Execution execution;
            Instant imageStart = trace.now();
            Optional<String> imageId = awaitImage(image, started, shard);
            trace.phase("image_prepare", imageStart);
            var traced = new TraceObserver(observer, trace);
            try (Provider provider = createProvider(temp.path(), started, shard, imageId)) {
                attachSandboxFiles(provider, upload, started, shard);
                Orchestrator run = new Orchestrator(
                        framework,
                        provider,
                        RunSettings.of(config, options, runId, maxParallel(), estimates, TEARDOWN_LIMIT),
                        trace.enabled() ? traced : observer,
                        clock);
                orchestrator.set(run);
                if (cancelled != null) {
                    run.cancel(cancelled);
                }
                execution = run.run(tests, queue);
            } finally {
                image.release(); // a thin-diff image of this run, once its sandboxes are gone
            }
            traced.teardownDone();
            return report(finish(started, shard, tests, execution));
        } catch (IOException e) {
            throw abort(
                    started,
                    shard,
                    "cannot prepare the run: " + e.getMessage(),
                    "check permissions of " + config.report().outputDir(),
                    e);
        }
    }

    /**
     * {@link #execute()} with a JVM shutdown hook: Ctrl-C (or SIGTERM, or an aborted Maven build) cancels the run and
     * the JVM waits until every sandbox is torn down and the partial report is written (SPEC §8.4).
     */
    public RunResult executeCancellingOnShutdown() throws RunAbortedException, InterruptedException {
        var done = new CountDownLatch(1);
        Thread hook = new Thread(
                () -> {
                    cancel("interrupted");
                    try {
                        done.await(SHUTDOWN_WAIT.toSeconds(), TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                },
                "offload-shutdown-" + runId);
        Runtime.getRuntime().addShutdownHook(hook);
        try {
            return execute();
        } finally {
            done.countDown();
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down: the hook is running and waits for us.
            }
        }
    }

    /** Stops the run from another thread (Ctrl-C): undecided tests become NOT_RUN with this cause. */
    public void cancel(String cause) {
        cancelled = cause;
        Orchestrator current = orchestrator.get();
        if (current != null) {
            current.cancel(cause);
        }
        Thread discovery = discovering;
        if (discovery != null) {
            discovery.interrupt(); // discovery processes are killed on interrupt
        }
    }

    private Framework createFramework(Instant started, Optional<Shard> shard) throws RunAbortedException {
        try {
            return Frameworks.create(
                    config.framework(), config.configDir(), config.provider().runsBatchesWithLocalTools());
        } catch (IllegalArgumentException | UnsupportedOperationException e) {
            throw abort(started, shard, config.file() + ": framework: " + e.getMessage(), "check [framework]", e);
        }
    }

    private void cleanOutputDir() throws IOException {
        OutputDirectory.cleanOwned(config.report().outputDir(), config.report().junitFile());
    }

    private TestSelection discover(
            Framework framework, Path temp, Instant started, Optional<Shard> shard, Map<String, Double> previous)
            throws RunAbortedException, InterruptedException {
        discovering = Thread.currentThread();
        try {
            if (cancelled != null) {
                throw new InterruptedException();
            }
            if (preDiscovered != null) {
                framework.prepareWithoutDiscovery();
                return TestSelection.of(config, preDiscovered, shard, previous, observer);
            }
            return TestSelection.discover(config, framework, temp, shard, previous, observer);
        } catch (InterruptedException e) {
            if (cancelled == null) {
                throw e;
            }
            Thread.interrupted(); // cancelled on purpose: report it, don't propagate the interrupt
            throw abort(started, shard, "run " + cancelled + " during test discovery", "nothing ran", e);
        } catch (DiscoveryException e) {
            // The command line holds expanded values: show them as written (SPEC §4.3), and drop the cause, whose
            // message would print them again.
            String shown = ExpandedValues.of(config.file(), System.getenv()).redact(e.getMessage());
            throw abort(
                    started, shard, shown, "fix the test command, paths or group filters in " + config.file(), null);
        } finally {
            discovering = null;
        }
    }

    private List<List<String>> plan(
            List<DiscoveredTest> tests, Map<String, Double> estimates, Plan.Overhead o, boolean idsFile) {
        List<List<String>> queue = Plan.queue(config, tests, estimates, maxParallel(), idsFile, observer::warning);
        var prediction = MakespanSimulator.predictIds(queue, estimates, maxParallel(), o.secs());
        observer.detail("[plan] " + Plan.line(prediction));
        return queue;
    }

    /**
     * Writes the reports, records history (SPEC §12.3) and writes the trace: the end of every run that reached its
     * tests.
     */
    private RunResult report(RunResult result) {
        Instant aggregation = trace.now();
        RunResult reported = RunReports.write(config, result, options.failOnFlaky(), observer);
        RunHistory.record(config, options, reported, cancelled != null, observer);
        trace.phase("result_aggregation", aggregation);
        trace.finishInto(config.report().outputDir(), observer::phase, observer::warning);
        return reported;
    }

    private Optional<String> awaitImage(ImageStage image, Instant started, Optional<Shard> shard)
            throws RunAbortedException {
        try {
            return image.await(() -> cancelled != null);
        } catch (ImageException e) {
            throw abort(
                    started,
                    shard,
                    e.getMessage(),
                    "check [provider] in " + config.file() + " and the build output",
                    e);
        } catch (InterruptedException e) {
            Thread.interrupted();
            throw abort(started, shard, "run " + cancelled + " during image preparation", "nothing ran", e);
        }
    }

    private Provider createProvider(Path temp, Instant started, Optional<Shard> shard, Optional<String> image)
            throws RunAbortedException {
        if (!options.copyDirs().isEmpty() && config.provider().type().equals("local")) {
            observer.warning("local provider ignores --copy-dir");
        }
        try {
            return Providers.create(config, temp, runId, options.copyDirs(), observer::warning, image);
        } catch (ProviderException e) {
            throw abort(started, shard, e.getMessage(), "check [provider] in " + config.file(), e);
        }
    }

    /** Stages what every sandbox needs copied in (the junit class path, SPEC §7.3), once per run. */
    private Optional<SandboxUpload> stageSandboxFiles(Framework framework, Instant started, Optional<Shard> shard)
            throws RunAbortedException {
        try {
            return SandboxFiles.stage(framework, config, observer);
        } catch (SandboxFiles.Failure e) {
            throw abort(started, shard, e.getMessage(), e.hint(), e.getCause());
        }
    }

    private void attachSandboxFiles(
            Provider provider, Optional<SandboxUpload> upload, Instant started, Optional<Shard> shard)
            throws RunAbortedException {
        try {
            SandboxFiles.attach(provider, upload, config);
        } catch (SandboxFiles.Failure e) {
            throw abort(started, shard, e.getMessage(), e.hint(), e.getCause());
        }
    }

    private int maxParallel() {
        return options.parallel().orElse(config.offload().maxParallel());
    }

    private RunResult finish(
            Instant started, Optional<Shard> shard, List<DiscoveredTest> tests, Orchestrator.Execution execution) {
        // Discovery order, with tests registered at run time (junit template invocations) in their parent's place.
        List<TestOutcome> ordered = execution.outcomes();
        // Cost (SPEC §8.10): seconds from ready to destroyed, times cores per sandbox, times the price.
        CostModel cost = CostModel.of(config);
        double coreSeconds = cost.coreSeconds(execution.sandboxSeconds());
        return new RunResult(
                runId,
                started,
                clock.instant(),
                config.groups(),
                ordered,
                execution.batches(),
                execution.sandboxes(),
                shard.map(Shard::toString),
                options.showEstimatedCost() ? Optional.of(cost.usd(execution.sandboxSeconds())) : Optional.empty(),
                coreSeconds,
                Optional.empty(),
                execution.batchOverheadSecs());
    }

    private static Orchestrator.Execution emptyExecution() {
        return new Orchestrator.Execution(List.of(), List.of(), 0, 0, OptionalDouble.empty());
    }

    private RunAbortedException abort(
            Instant started, Optional<Shard> shard, String message, String hint, Throwable cause) {
        var result = RunResult.aborted(
                runId, started, clock.instant(), config.groups(), shard.map(Shard::toString), message);
        RunReports.writeAborted(config, result, options.failOnFlaky(), observer);
        trace.finishInto(config.report().outputDir(), observer::phase, observer::warning);
        return new RunAbortedException(message, hint, cause);
    }
}
