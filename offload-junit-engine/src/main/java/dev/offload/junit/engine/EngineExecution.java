package dev.offload.junit.engine;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigException;
import dev.offload.core.config.FrameworkConfig;
import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.run.OffloadRun;
import dev.offload.core.run.RunAbortedException;
import dev.offload.core.run.RunOptions;
import dev.offload.core.run.RunResult;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;

/**
 * Runs the mirrored tests that survived the outer filters through Offload's orchestrator and replays the results
 * (SPEC §16.4). The caller's thread runs Offload; the {@link Replay} thread alone talks to the listener.
 */
final class EngineExecution {
    private final ExecutionRequest request;
    private final EngineParameters parameters;
    private final List<String> warnings = new ArrayList<>();
    /** The ids the finished run covered (its shard); null until it finished. */
    private Set<String> inRun;
    /** The one line printed after the last result. */
    private String summary;

    EngineExecution(ExecutionRequest request) {
        this.request = request;
        this.parameters = new EngineParameters(request.getConfigurationParameters());
    }

    void run() {
        TestDescriptor root = request.getRootTestDescriptor();
        var listener = request.getEngineExecutionListener();
        listener.executionStarted(root);
        List<MirroredTestDescriptor> units = root.getDescendants().stream()
                .filter(MirroredTestDescriptor.class::isInstance)
                .map(MirroredTestDescriptor.class::cast)
                .toList();
        if (!units.isEmpty()) {
            var replay = new Replay(listener, units);
            Thread replaying = new Thread(replay, "offload-replay");
            replaying.start();
            Optional<String> abort = Optional.of("internal error");
            try {
                abort = execute(units, replay);
            } finally {
                if (abort.isEmpty() && inRun != null) {
                    replay.end(inRun);
                } else {
                    replay.end(abort);
                }
                joinQuietly(replaying);
                warnings.forEach(w -> System.err.println("[offload] warning: " + w));
                if (summary != null) {
                    System.err.println(summary);
                }
            }
        }
        listener.executionFinished(root, TestExecutionResult.successful());
    }

    /** Runs Offload; returns the message that failed every undecided test when the run could not happen. */
    private Optional<String> execute(List<MirroredTestDescriptor> units, Replay replay) {
        Config config;
        RunOptions options;
        try {
            config = EngineConfig.load(parameters, TestClasspath.resolve(parameters.classpath()), this::warn);
            options = new RunOptions(
                    parameters.parallel(),
                    parameters.env(this::warn),
                    List.of(),
                    parameters.failFast(),
                    false,
                    false,
                    parameters.shard());
        } catch (ConfigException | IllegalArgumentException e) {
            return Optional.of(e.getMessage());
        }
        var run = new OffloadRun(config, options, new EngineObserver(replay, this::warn), Clock.systemUTC())
                .withDiscoveredTests(tests(config, units));
        ScheduledExecutorService watcher = watchCancellation(run);
        try {
            RunResult result = run.executeCancellingOnShutdown();
            inRun = result.outcomes().stream().map(o -> o.test().id()).collect(Collectors.toSet());
            // Printed after the replay, like the warnings: output while tests are open is attributed to a test.
            summary = "[offload] " + result.outcomes().size() + " tests in "
                    + result.batches().size() + " batches on " + result.sandboxes() + " sandboxes; report: "
                    + config.report().outputDir();
            return Optional.empty();
        } catch (RunAbortedException e) {
            return Optional.of(e.getMessage() + " (" + e.hint() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted");
        } finally {
            watcher.shutdownNow();
        }
    }

    /**
     * The run's tests: each in the first group whose junit filters accept it (SPEC §16.4), scheduled with its
     * top-level class (nested classes included) unless {@code granularity = "method"} (SPEC §7.3).
     */
    private static List<DiscoveredTest> tests(Config config, List<MirroredTestDescriptor> units) {
        boolean byMethod = config.framework() instanceof FrameworkConfig.Junit junit
                && junit.granularity() == FrameworkConfig.Junit.Granularity.METHOD;
        return units.stream()
                .map(u -> new DiscoveredTest(
                        u.innerId(),
                        GroupFilter.groupOf(u, config.groups()),
                        MirroredClassDescriptor.of(u)
                                .map(MirroredClassDescriptor::className)
                                .orElse(""),
                        byMethod ? u.innerId() : topLevel(u.innerId())))
                .toList();
    }

    /** The inner UniqueId's first two segments: the engine and, for Jupiter, the top-level class. */
    static String topLevel(String innerId) {
        try {
            List<UniqueId.Segment> segments = UniqueId.parse(innerId).getSegments();
            if (segments.size() < 2) {
                return innerId;
            }
            return UniqueId.forEngine(segments.get(0).getValue())
                    .append(segments.get(1).getType(), segments.get(1).getValue())
                    .toString();
        } catch (RuntimeException e) {
            return innerId;
        }
    }

    /** JUnit 6's cancellation token (absent on Platform 1.x) cancels the run. */
    private ScheduledExecutorService watchCancellation(OffloadRun run) {
        ScheduledExecutorService watcher = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "offload-cancellation");
            t.setDaemon(true);
            return t;
        });
        try {
            var token = request.getCancellationToken();
            watcher.scheduleWithFixedDelay(
                    () -> {
                        if (token.isCancellationRequested()) {
                            run.cancel("cancelled");
                        }
                    },
                    200,
                    200,
                    TimeUnit.MILLISECONDS);
        } catch (LinkageError e) {
            // JUnit Platform 1.x has no cancellation token.
        }
        return watcher;
    }

    private synchronized void warn(String line) {
        warnings.add(line);
    }

    private static void joinQuietly(Thread thread) {
        try {
            thread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
