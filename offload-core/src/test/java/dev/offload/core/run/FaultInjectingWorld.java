package dev.offload.core.run;

import dev.offload.core.framework.BatchCommand;
import dev.offload.core.framework.BatchRequest;
import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.framework.DiscoveryRequest;
import dev.offload.core.framework.Framework;
import dev.offload.core.framework.ResultFileException;
import dev.offload.core.framework.TestCaseResult;
import dev.offload.core.provider.OutputListener;
import dev.offload.core.provider.Provider;
import dev.offload.core.provider.ProviderException;
import dev.offload.core.provider.Sandbox;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A fault-injecting framework and provider for orchestrator tests: each test id's behaviour is scripted (pass, fail n
 * times, hang, crash the batch, never report), sandboxes can fail creation, and every sandbox's lifecycle is recorded
 * so tests can assert that none outlives the run.
 */
final class FaultInjectingWorld implements Framework, Provider {
    private static final Pattern BATCH_MARK = Pattern.compile("FAKE-BATCH-(\\d+)");

    /** What one test does each time it runs. */
    enum Behaviour {
        PASS,
        FAIL,
        /** Fails on its first run, passes afterwards. */
        FLAKY,
        SKIP,
        /** Sleeps until the batch times out or is stopped. */
        HANG,
        /** Kills the whole batch process (an infrastructure error) every time. */
        CRASH,
        /** Kills the batch process the first time only. */
        CRASH_ONCE,
        /** The runner never writes a testcase for it. */
        MISSING,
        /** Takes 300 ms, then passes. */
        SLOW
    }

    final Map<String, Behaviour> behaviours = new ConcurrentHashMap<>();
    final Map<String, AtomicInteger> runs = new ConcurrentHashMap<>();
    final Map<Integer, BatchRequest> requests = new ConcurrentHashMap<>();
    final Map<Integer, List<TestCaseResult>> written = new ConcurrentHashMap<>();
    final List<String> created = new CopyOnWriteArrayList<>();
    final List<String> destroyed = new CopyOnWriteArrayList<>();
    final List<String> batchLog = Collections.synchronizedList(new ArrayList<>());
    final AtomicInteger creationFailuresLeft = new AtomicInteger();
    volatile boolean creationAlwaysFails;
    private final Path sandboxRoot;

    FaultInjectingWorld(Path sandboxRoot) {
        this.sandboxRoot = sandboxRoot;
    }

    List<DiscoveredTest> tests(String group, Map<String, Behaviour> plan) {
        behaviours.putAll(plan);
        return plan.keySet().stream()
                .map(id -> new DiscoveredTest(id, group, ""))
                .toList();
    }

    // --- Framework -------------------------------------------------------------------------------------------

    @Override
    public List<DiscoveredTest> discover(DiscoveryRequest request) {
        throw new UnsupportedOperationException("tests are given directly");
    }

    @Override
    public BatchCommand batchCommand(BatchRequest request) {
        requests.put(request.number(), request);
        String result = request.resultDir() + "/batch-" + request.number() + ".xml";
        return new BatchCommand("FAKE-BATCH-" + request.number(), Map.of(), Optional.empty(), Optional.of(result));
    }

    @Override
    public List<TestCaseResult> readResults(Path localResultFile, BatchRequest request) throws ResultFileException {
        List<TestCaseResult> results = written.get(request.number());
        if (results == null || !Files.exists(localResultFile)) {
            throw new ResultFileException("result file missing");
        }
        return results;
    }

    @Override
    public String testIdFormat() {
        return "{name}";
    }

    // --- Provider ---------------------------------------------------------------------------------------------

    @Override
    public String type() {
        return "fake";
    }

    @Override
    public Sandbox create(int slot) throws ProviderException {
        if (creationAlwaysFails || creationFailuresLeft.getAndDecrement() > 0) {
            throw new ProviderException("slot " + slot + ": create failed (injected)");
        }
        String id = "fake-" + slot + "-" + created.size();
        created.add(id);
        return new FakeSandbox(id, slot);
    }

    private final class FakeSandbox implements Sandbox {
        private final String id;
        private final int slot;
        private volatile Thread running;
        private volatile boolean stopped;

        FakeSandbox(String id, int slot) {
            this.id = id;
            this.slot = slot;
        }

        @Override
        public String id() {
            return id;
        }

        @Override
        public int slot() {
            return slot;
        }

        @Override
        public String projectRoot() {
            return sandboxRoot.toString();
        }

        @Override
        public String runTempDir() {
            return sandboxRoot.resolve("tmp-" + id).toString();
        }

        @Override
        public ExecResult exec(ExecRequest request, OutputListener output)
                throws ProviderException, InterruptedException {
            Matcher m = BATCH_MARK.matcher(request.script());
            if (!m.find()) {
                throw new AssertionError("script does not carry the batch command: " + request.script());
            }
            BatchRequest batch = requests.get(Integer.parseInt(m.group(1)));
            batchLog.add(batch.number() + "@" + slot + ":" + batch.ids());
            stopped = false;
            running = Thread.currentThread();
            try {
                return execute(batch, request, output);
            } finally {
                running = null;
            }
        }

        private ExecResult execute(BatchRequest batch, ExecRequest request, OutputListener output)
                throws ProviderException, InterruptedException {
            List<TestCaseResult> results = new ArrayList<>();
            long deadline = System.nanoTime() + request.timeout().toNanos();
            for (String testId : batch.ids()) {
                int run = runs.computeIfAbsent(testId, k -> new AtomicInteger()).incrementAndGet();
                output.stdout("running " + testId);
                Behaviour behaviour = behaviours.get(testId);
                switch (behaviour) {
                    case PASS -> results.add(result(testId, TestCaseResult.Status.PASSED));
                    case SKIP -> results.add(result(testId, TestCaseResult.Status.SKIPPED));
                    case FAIL -> results.add(result(testId, TestCaseResult.Status.FAILED));
                    case FLAKY ->
                        results.add(
                                result(testId, run == 1 ? TestCaseResult.Status.FAILED : TestCaseResult.Status.PASSED));
                    case MISSING -> {}
                    case CRASH -> throw new ProviderException("sandbox " + id + " died: exit 137 (injected)");
                    case CRASH_ONCE -> {
                        if (run == 1) {
                            throw new ProviderException("sandbox " + id + " died: exit 137 (injected)");
                        }
                        results.add(result(testId, TestCaseResult.Status.PASSED));
                    }
                    case SLOW, HANG -> {
                        long until = behaviour == Behaviour.SLOW ? System.nanoTime() + 300_000_000L : Long.MAX_VALUE;
                        while (System.nanoTime() < Math.min(until, deadline) && !stopRequested(request)) {
                            Thread.sleep(10);
                        }
                        if (stopRequested(request)) {
                            return new ExecResult(143, false, true);
                        }
                        if (System.nanoTime() >= deadline) {
                            written.put(batch.number(), results);
                            writeResultFile(batch);
                            return new ExecResult(143, true, false);
                        }
                        results.add(result(testId, TestCaseResult.Status.PASSED));
                    }
                }
            }
            written.put(batch.number(), results);
            writeResultFile(batch);
            return new ExecResult(0, false, false);
        }

        private boolean stopRequested(ExecRequest request) {
            return stopped || request.stop().triggered();
        }

        private void writeResultFile(BatchRequest batch) {
            try {
                Path file = Path.of(batch.resultDir(), "batch-" + batch.number() + ".xml");
                Files.createDirectories(file.getParent());
                Files.writeString(file, "<testsuite/>");
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }

        @Override
        public void download(List<Transfer> transfers) throws ProviderException {
            for (Transfer t : transfers) {
                try {
                    Files.copy(Path.of(t.remote()), t.local(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new ProviderException("sandbox " + id + ": cannot download " + t.remote());
                }
            }
        }

        @Override
        public void stop() {
            stopped = true;
        }

        @Override
        public void destroy() {
            stopped = true;
            destroyed.add(id);
        }
    }

    private static TestCaseResult result(String id, TestCaseResult.Status status) {
        Optional<TestCaseResult.Failure> failure = status == TestCaseResult.Status.FAILED
                ? Optional.of(new TestCaseResult.Failure(false, "AssertionError", "boom in " + id, "trace"))
                : Optional.empty();
        return new TestCaseResult(id, "", 0.01, status, failure, "out of " + id, "");
    }
}
