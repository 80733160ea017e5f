package dev.offload.core.run;

import dev.offload.core.framework.BatchCommand;
import dev.offload.core.framework.BatchRequest;
import dev.offload.core.framework.Framework;
import dev.offload.core.framework.ResultFileException;
import dev.offload.core.framework.StreamedEvent;
import dev.offload.core.framework.StreamedEvents;
import dev.offload.core.framework.TestCaseResolver;
import dev.offload.core.framework.TestCaseResult;
import dev.offload.core.provider.BatchEnvironment;
import dev.offload.core.provider.BatchScript;
import dev.offload.core.provider.OutputListener;
import dev.offload.core.provider.ProviderException;
import dev.offload.core.provider.Sandbox;
import dev.offload.core.report.BatchLog;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Consumer;

/** Runs one batch on one sandbox and reads what it produced (SPEC §10.1). Holds no state between batches. */
final class BatchExecution {
    /** Output kept in memory for a single-test batch, whose log becomes the attempt's output (SPEC §11.2). */
    private static final int CAPTURE_LIMIT = 1 << 20;

    /** The environment variable that hands the event token to runner plugins (SPEC §7.1). */
    static final String EVENT_TOKEN_ENV = "OFFLOAD_EVENT_TOKEN";

    private final Framework framework;
    private final RunSettings settings;
    private final RunObserver observer;
    private final String eventToken;
    private final StreamedEvents events;
    private final BiConsumer<Assignment, StreamedEvent> onEvent;
    private final ArtifactCollector artifacts;

    BatchExecution(Framework framework, RunSettings settings, RunObserver observer) {
        this(framework, settings, observer, StreamedEvents.newToken(), (batch, event) -> {});
    }

    /**
     * @param eventToken the run's event token (one per run)
     * @param onEvent hears each streamed event as it arrives, on a reader thread
     */
    BatchExecution(
            Framework framework,
            RunSettings settings,
            RunObserver observer,
            String eventToken,
            BiConsumer<Assignment, StreamedEvent> onEvent) {
        this.framework = framework;
        this.settings = settings;
        this.observer = observer;
        this.eventToken = eventToken;
        this.events = new StreamedEvents(eventToken);
        this.onEvent = onEvent;
        this.artifacts = new ArtifactCollector(settings, observer::warning);
    }

    /** Runs the batch; the log is closed by the caller once the outcome is known. */
    BatchReport run(Assignment batch, Sandbox sandbox, BatchLog log) throws InterruptedException {
        var request = new BatchRequest(
                batch.number(), batch.ids(), settings.runId(), sandbox.runTempDir(), settings.failFast(), eventToken);
        BatchCommand command = framework.batchCommand(request);
        var capture = new Capture(log, batch.ids().size() == 1, events, event -> onEvent.accept(batch, event));
        Sandbox.ExecResult exec;
        try {
            exec = sandbox.exec(execRequest(command, sandbox, batch), capture);
        } catch (ProviderException e) {
            return BatchReport.infrastructureError(
                            "sandbox " + sandbox.id() + " failed: " + e.getMessage(), capture.out(), capture.err())
                    .withStreamed(streamed(capture, batch));
        }
        if (exec.stopped() && !exec.timedOut()) {
            return new BatchReport(Map.of(), Optional.empty(), false, true, capture.out(), capture.err(), Map.of())
                    .withStreamed(streamed(capture, batch));
        }
        BatchReport report = report(command, request, sandbox, exec, capture, batch);
        artifacts.collect(batch.number(), sandbox, failing(report, batch));
        return report;
    }

    /** Failing for {@code download_globs_failure_only}: a failed test, a timeout, or results that are missing. */
    private static boolean failing(BatchReport report, Assignment batch) {
        return report.infrastructureError().isPresent()
                || report.timedOut()
                || !report.results().keySet().containsAll(batch.ids())
                || report.results().values().stream().anyMatch(r -> r.status() == TestCaseResult.Status.FAILED);
    }

    private BatchReport report(
            BatchCommand command,
            BatchRequest request,
            Sandbox sandbox,
            Sandbox.ExecResult exec,
            Capture capture,
            Assignment batch)
            throws InterruptedException {
        BatchResults results;
        try {
            results = readResults(command, request, sandbox, exec).orElse(streamed(capture, batch));
        } catch (ResultFileException e) {
            if (exec.timedOut()) {
                // A timed-out runner often writes nothing; the tests that did not report are handled by §10.6.
                return new BatchReport(Map.of(), Optional.empty(), true, false, capture.out(), capture.err(), Map.of())
                        .withStreamed(streamed(capture, batch));
            }
            // Tests with an end event keep their results; only the others are re-queued (SPEC §10.5).
            String cause = framework
                    .exitWithoutResult(exec.exitCode(), runningTest(capture.events()))
                    .orElseGet(() -> missingResultCause(sandbox, exec, e));
            return BatchReport.infrastructureError(cause, capture.out(), capture.err())
                    .withStreamed(streamed(capture, batch));
        }
        return new BatchReport(
                results.results(),
                Optional.empty(),
                exec.timedOut(),
                false,
                capture.out(),
                capture.err(),
                results.dynamicParents(),
                results.unlistedSkips());
    }

    private BatchResults streamed(Capture capture, Assignment batch) {
        return BatchResults.fromEvents(capture.events(), batch.ids(), framework);
    }

    private Sandbox.ExecRequest execRequest(BatchCommand command, Sandbox sandbox, Assignment batch) {
        int number = batch.number();
        Map<String, String> env = new LinkedHashMap<>(command.env());
        env.put(EVENT_TOKEN_ENV, eventToken);
        env.putAll(BatchEnvironment.build(
                settings.providerEnv(), settings.cliEnv(), sandbox.projectRoot(), settings.runId(), sandbox.slot()));
        String dir = command.workingSubdir()
                .map(sub -> sandbox.projectRoot() + "/" + sub)
                .orElse(sandbox.projectRoot());
        String script = BatchScript.wrap(command.script(), sandbox.runTempDir(), number);
        Optional<String> pgidFile = Optional.of(BatchScript.pgidFile(sandbox.runTempDir(), number));
        return new Sandbox.ExecRequest(script, dir, env, settings.batchTimeout(), pgidFile, batch.stop());
    }

    private BatchResults readResults(
            BatchCommand command, BatchRequest request, Sandbox sandbox, Sandbox.ExecResult exec)
            throws ResultFileException, InterruptedException {
        if (command.resultPath().isEmpty()) {
            if (exec.timedOut()) {
                return BatchResults.NONE; // the status of a stopped batch says nothing about its tests (SPEC §10.6)
            }
            List<TestCaseResult> cases = framework.resultsFromExitStatus(request, exec.exitCode());
            return new BatchResults(
                    TestCaseResolver.resolve(cases, request.ids(), "{name}", observer::warning), Map.of());
        }
        String remote = command.resultPath().get();
        Path local = settings.junitPartsDir().resolve("batch-" + request.number() + extension(remote));
        try {
            Files.createDirectories(local.getParent());
            ProviderRetry.call(
                    "download of " + remote,
                    () -> {
                        sandbox.download(List.of(new Sandbox.Transfer(remote, local)));
                        return null;
                    },
                    observer::warning);
        } catch (ProviderException | IOException e) {
            throw new ResultFileException("result file missing: " + e.getMessage(), e);
        }
        List<TestCaseResult> cases = framework.readResults(local, request);
        return BatchResults.resolve(cases, request.ids(), framework, observer::warning);
    }

    /** The last test whose start event has no end event: the one running when the batch ended. */
    private static Optional<String> runningTest(List<StreamedEvent> events) {
        String running = null;
        for (StreamedEvent event : events) {
            if (event.kind() == StreamedEvent.Kind.START) {
                running = event.id();
            } else if (event.kind() == StreamedEvent.Kind.END && event.id().equals(running)) {
                running = null;
            }
        }
        return Optional.ofNullable(running);
    }

    /** A batch killed by a signal (status above 128) died; otherwise its runner wrote no usable result. */
    private static String missingResultCause(Sandbox sandbox, Sandbox.ExecResult exec, ResultFileException e) {
        if (exec.exitCode() > 128) {
            return "sandbox " + sandbox.id() + " died: exit " + exec.exitCode() + " (no result file)";
        }
        return e.getMessage() + " (batch exited with status " + exec.exitCode() + ")";
    }

    private static String extension(String path) {
        String name = path.substring(path.lastIndexOf('/') + 1);
        int dot = name.indexOf('.');
        return dot < 0 ? ".xml" : name.substring(dot);
    }

    /**
     * Tees output into the batch log and, for a single-test batch, into memory. Event lines (SPEC §7.1) are kept out
     * of both and collected instead.
     */
    private static final class Capture implements OutputListener {
        private final BatchLog log;
        private final StringBuilder out;
        private final StringBuilder err;
        private final StreamedEvents parser;
        private final Consumer<StreamedEvent> onEvent;
        private final List<StreamedEvent> events = new ArrayList<>();

        Capture(BatchLog log, boolean keep, StreamedEvents parser, Consumer<StreamedEvent> onEvent) {
            this.log = log;
            this.out = keep ? new StringBuilder() : null;
            this.err = keep ? new StringBuilder() : null;
            this.parser = parser;
            this.onEvent = onEvent;
        }

        @Override
        public void stdout(String line) {
            if (parser.isEvent(line)) {
                parser.parse(line).ifPresent(this::event);
                return;
            }
            log.stdout(line);
            append(out, line);
        }

        private void event(StreamedEvent event) {
            synchronized (events) {
                events.add(event);
            }
            onEvent.accept(event);
        }

        List<StreamedEvent> events() {
            synchronized (events) {
                return List.copyOf(events);
            }
        }

        @Override
        public void stderr(String line) {
            log.stderr(line);
            append(err, line);
        }

        private static void append(StringBuilder target, String line) {
            if (target == null) {
                return;
            }
            synchronized (target) {
                if (target.length() < CAPTURE_LIMIT) {
                    target.append(line).append('\n');
                }
            }
        }

        String out() {
            return out == null ? "" : out.toString();
        }

        String err() {
            return err == null ? "" : err.toString();
        }
    }
}
