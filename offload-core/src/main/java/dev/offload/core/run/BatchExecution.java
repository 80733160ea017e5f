package dev.offload.core.run;

import dev.offload.core.framework.BatchCommand;
import dev.offload.core.framework.BatchRequest;
import dev.offload.core.framework.EventToken;
import dev.offload.core.framework.Framework;
import dev.offload.core.framework.ResultFileException;
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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Runs one batch on one sandbox and reads what it produced (SPEC §10.1). Holds no state between batches. */
final class BatchExecution {
    /** Output kept in memory for a single-test batch, whose log becomes the attempt's output (SPEC §11.2). */
    private static final int CAPTURE_LIMIT = 1 << 20;

    private final Framework framework;
    private final RunSettings settings;
    private final RunObserver observer;
    /** One token per run (one execution per run), SPEC §7.1. */
    private final String eventToken = EventToken.random();

    /** Receives each test's {@code end} event: batch number and test id (SPEC §7.1). */
    interface TestEnded {
        void ended(int batchNumber, String id);
    }

    private final TestEnded testEnded;

    BatchExecution(Framework framework, RunSettings settings, RunObserver observer) {
        this(framework, settings, observer, (batch, id) -> {});
    }

    BatchExecution(Framework framework, RunSettings settings, RunObserver observer, TestEnded testEnded) {
        this.framework = framework;
        this.settings = settings;
        this.observer = observer;
        this.testEnded = testEnded;
    }

    /** Runs the batch; the log is closed by the caller once the outcome is known. */
    BatchReport run(Assignment batch, Sandbox sandbox, BatchLog log) throws InterruptedException {
        var request = new BatchRequest(
                batch.number(), batch.ids(), settings.runId(), sandbox.runTempDir(), settings.failFast());
        BatchCommand command = framework.batchCommand(request);
        var events = new StreamedEvents(eventToken, id -> testEnded.ended(batch.number(), id));
        var capture = new Capture(log, batch.ids().size() == 1, events);
        Sandbox.ExecResult exec;
        try {
            exec = sandbox.exec(execRequest(command, sandbox, batch), capture);
        } catch (ProviderException e) {
            return BatchReport.infrastructureError(
                    "sandbox " + sandbox.id() + " failed: " + e.getMessage(), capture.out(), capture.err());
        }
        if (exec.stopped() && !exec.timedOut()) {
            return new BatchReport(Map.of(), Optional.empty(), false, true, capture.out(), capture.err());
        }
        Map<String, TestCaseResult> results;
        try {
            results = readResults(command, request, sandbox, exec);
        } catch (ResultFileException e) {
            if (exec.timedOut()) {
                // A timed-out runner often writes nothing; the tests that did not report are handled by §10.6.
                return new BatchReport(Map.of(), Optional.empty(), true, false, capture.out(), capture.err());
            }
            return BatchReport.infrastructureError(missingResultCause(sandbox, exec, e), capture.out(), capture.err());
        }
        return new BatchReport(results, Optional.empty(), exec.timedOut(), false, capture.out(), capture.err());
    }

    private Sandbox.ExecRequest execRequest(BatchCommand command, Sandbox sandbox, Assignment batch) {
        int number = batch.number();
        Map<String, String> env = new LinkedHashMap<>(command.env());
        env.putAll(BatchEnvironment.build(
                settings.providerEnv(), settings.cliEnv(), sandbox.projectRoot(), settings.runId(), sandbox.slot()));
        env.put(EventToken.ENV, eventToken);
        String dir = command.workingSubdir()
                .map(sub -> sandbox.projectRoot() + "/" + sub)
                .orElse(sandbox.projectRoot());
        String script = BatchScript.wrap(command.script(), sandbox.runTempDir(), number);
        Optional<String> pgidFile = Optional.of(BatchScript.pgidFile(sandbox.runTempDir(), number));
        return new Sandbox.ExecRequest(script, dir, env, settings.batchTimeout(), pgidFile, batch.stop());
    }

    private Map<String, TestCaseResult> readResults(
            BatchCommand command, BatchRequest request, Sandbox sandbox, Sandbox.ExecResult exec)
            throws ResultFileException, InterruptedException {
        if (command.resultPath().isEmpty()) {
            if (exec.timedOut()) {
                return Map.of(); // the status of a stopped batch says nothing about its tests (SPEC §10.6)
            }
            List<TestCaseResult> cases = framework.resultsFromExitStatus(request, exec.exitCode());
            return TestCaseResolver.resolve(cases, request.ids(), "{name}", observer::warning);
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
        return TestCaseResolver.resolve(cases, request.ids(), framework.testIdFormat(), observer::warning);
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

    /** Tees output into the batch log and, for a single-test batch, into memory. */
    private static final class Capture implements OutputListener {
        private final BatchLog log;
        private final StringBuilder out;
        private final StringBuilder err;
        private final StreamedEvents events;

        Capture(BatchLog log, boolean keep, StreamedEvents events) {
            this.log = log;
            this.events = events;
            this.out = keep ? new StringBuilder() : null;
            this.err = keep ? new StringBuilder() : null;
        }

        @Override
        public void stdout(String line) {
            if (events.accept(line)) {
                return;
            }
            log.stdout(line);
            append(out, line);
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
