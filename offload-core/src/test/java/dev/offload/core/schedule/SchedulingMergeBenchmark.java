package dev.offload.core.schedule;

import dev.offload.core.config.GroupConfig;
import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.framework.TestCaseResult;
import dev.offload.core.framework.TestCaseResult.Failure;
import dev.offload.core.framework.TestCaseResult.Status;
import dev.offload.core.report.FinalSummary;
import dev.offload.core.report.JunitReportWriter;
import dev.offload.core.report.SummaryJsonWriter;
import dev.offload.core.run.Attempt;
import dev.offload.core.run.BatchRecord;
import dev.offload.core.run.BatchRecord.BatchOutcome;
import dev.offload.core.run.RunResult;
import dev.offload.core.run.TestOutcome;
import dev.offload.core.run.Verdict;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Random;
import java.util.function.Supplier;
import java.util.stream.IntStream;

/**
 * Timed main, not a unit test: the CPU-bound part of a run of 100,000 tests before and after the batches, in one cold
 * JVM as in a real run: scheduling ({@link DurationEstimator#estimate} + {@link BatchPlanner#plan}) and the report merge
 * ({@link JunitReportWriter#write} + {@link SummaryJsonWriter#write} + {@link FinalSummary#render}) of a
 * {@link RunResult} with mixed verdicts. Run it with {@code -Xmx512m} to prove the heap bound. See bench/README.md
 * ("Scheduling + report merge") for the command and recorded figures.
 *
 * <p>Arguments: {@code [ids=100000] [maxParallel=10] [rounds=3] [outDir=bench/.work/scheduling-merge]}.
 */
public final class SchedulingMergeBenchmark {
    private static final String FAILURE_BODY =
            "def test_case():\n>       assert compute() == 42\nE       assert 41 == 42\n\ntests/test_module.py:12: AssertionError";

    private SchedulingMergeBenchmark() {}

    public static void main(String[] args) throws IOException {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int maxParallel = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
        Path outDir = Path.of(args.length > 3 ? args[3] : "bench/.work/scheduling-merge");
        Files.createDirectories(outDir);

        var suite = SchedulingBenchmark.Suite.synthetic(count, new Random(42));
        System.out.printf(
                "ids=%d maxParallel=%d max heap=%d MiB%n",
                count, maxParallel, Runtime.getRuntime().maxMemory() >> 20);

        long[] cold = new long[4];
        List<PlannedBatch> plan = timed(cold, 0, () -> schedule(suite, maxParallel));
        RunResult result = Runs.synthetic(suite.tests(), plan, new Random(7));
        System.out.println("batches=" + plan.size() + " verdicts: " + verdictCounts(result));
        timed(cold, 2, () -> merge(result, outDir));
        System.out.printf(
                "cold (first call, as in a real run): scheduling %d ms + merge %d ms = %d ms wall;"
                        + " main-thread CPU %d + %d = %d ms; JIT compilation so far %d ms; peak heap since start %d MiB%n",
                cold[0],
                cold[2],
                cold[0] + cold[2],
                cold[1],
                cold[3],
                cold[1] + cold[3],
                ManagementFactory.getCompilationMXBean().getTotalCompilationTime(),
                SchedulingBenchmark.peakHeapSinceReset() >> 20);
        System.out.printf(
                "junit.xml %d KiB, summary.json %d KiB%n",
                Files.size(outDir.resolve("junit.xml")) >> 10, Files.size(outDir.resolve("summary.json")) >> 10);

        SchedulingBenchmark.measure("schedule", rounds, () -> schedule(suite, maxParallel));
        SchedulingBenchmark.measure("merge", rounds, () -> merge(result, outDir));
    }

    /** Stores wall time in {@code millis[slot]} and this thread's CPU time in {@code millis[slot + 1]}. */
    private static <T> T timed(long[] millis, int slot, Supplier<T> work) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long cpu = threads.getCurrentThreadCpuTime();
        long start = System.nanoTime();
        T result = work.get();
        millis[slot] = (System.nanoTime() - start) / 1_000_000;
        millis[slot + 1] = (threads.getCurrentThreadCpuTime() - cpu) / 1_000_000;
        return result;
    }

    /** What {@code OffloadRun} does between discovery and the first batch. */
    static List<PlannedBatch> schedule(SchedulingBenchmark.Suite suite, int maxParallel) {
        var estimator = new DurationEstimator(suite.history(), suite.junit(), 1.0);
        Map<String, Double> estimates = estimator.estimate(suite.tests());
        List<SchedulableTest> schedulable = suite.tests().stream()
                .map(t -> new SchedulableTest(
                        t.id(), estimates.get(t.id()), t.group().equals("individual")))
                .toList();
        return BatchPlanner.plan(schedulable, maxParallel, warning -> {});
    }

    /** What {@code RunReports} and the CLI do after the last batch; returns the rendered summary's length. */
    static Integer merge(RunResult result, Path outDir) {
        try {
            JunitReportWriter.write(result, outDir.resolve("junit.xml"));
            SummaryJsonWriter.write(result, outDir.resolve("offload.toml"), "bench", outDir.resolve("summary.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return FinalSummary.render(result, false).length();
    }

    private static Map<Verdict, Long> verdictCounts(RunResult result) {
        Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
        for (Verdict verdict : Verdict.values()) {
            counts.put(verdict, result.count(verdict));
        }
        return counts;
    }

    /**
     * A finished run over the plan: 90 % passed, 3 % skipped, 3 % flaky (a failure, then a pass on a retry batch), 2 %
     * failed (two failing attempts with output), 1 % error and 1 % not run.
     */
    private static final class Runs {
        static RunResult synthetic(List<DiscoveredTest> tests, List<PlannedBatch> plan, Random random) {
            Map<String, Integer> batchOf = new HashMap<>();
            IntStream.range(0, plan.size()).forEach(n -> plan.get(n).ids().forEach(id -> batchOf.put(id, n)));
            int retryBatch = plan.size();
            Instant start = Instant.parse("2026-11-26T12:00:00Z");
            List<TestOutcome> outcomes = new ArrayList<>(tests.size());
            for (DiscoveredTest test : tests) {
                int batch = batchOf.get(test.id());
                outcomes.add(outcome(test, batch, retryBatch + batch % 50, random.nextInt(100), random));
            }
            List<BatchRecord> batches = new ArrayList<>();
            for (int n = 0; n < retryBatch + 50; n++) {
                Instant started = start.plusMillis(n * 700L);
                batches.add(new BatchRecord(
                        n,
                        n % 10,
                        n < retryBatch ? plan.get(n).ids().size() : 20,
                        started,
                        started.plusMillis(500 + random.nextInt(60_000)),
                        n % 17 == 0 ? BatchOutcome.FAILURE : BatchOutcome.SUCCESS,
                        false,
                        n >= retryBatch));
            }
            List<GroupConfig> groups = IntStream.range(0, 5)
                    .mapToObj(g -> new GroupConfig("group-" + g, 1, "", false))
                    .collect(ArrayList::new, List::add, List::addAll);
            groups.add(new GroupConfig("individual", 1, "", true));
            return new RunResult(
                    "bnch",
                    start,
                    start.plusSeconds(900),
                    groups,
                    outcomes,
                    batches,
                    10,
                    Optional.empty(),
                    Optional.empty(),
                    9_000,
                    Optional.empty(),
                    OptionalDouble.empty());
        }

        private static TestOutcome outcome(DiscoveredTest test, int batch, int retry, int dice, Random random) {
            double secs = random.nextDouble() * 2;
            if (dice < 90) {
                return decided(test, Verdict.PASSED, List.of(attempt(batch, Status.PASSED, secs, "")));
            }
            if (dice < 93) {
                return decided(test, Verdict.SKIPPED, List.of(attempt(batch, Status.SKIPPED, 0, "")));
            }
            if (dice < 96) {
                return decided(
                        test,
                        Verdict.FLAKY,
                        List.of(
                                attempt(batch, Status.FAILED, secs, "first try output\n"),
                                attempt(retry, Status.PASSED, secs, "")));
            }
            if (dice < 98) {
                String out = "captured log line\n".repeat(20);
                return decided(
                        test,
                        Verdict.FAILED,
                        List.of(attempt(batch, Status.FAILED, secs, out), attempt(retry, Status.FAILED, secs, out)));
            }
            if (dice < 99) {
                return new TestOutcome(test, Verdict.ERROR, List.of(), Optional.of("sandbox local-3 died: exit 137"));
            }
            return new TestOutcome(test, Verdict.NOT_RUN, List.of(), Optional.of("runner never reported this test"));
        }

        private static TestOutcome decided(DiscoveredTest test, Verdict verdict, List<Attempt> attempts) {
            return new TestOutcome(test, verdict, attempts, Optional.empty());
        }

        private static Attempt attempt(int batch, Status status, double secs, String out) {
            Optional<Failure> failure = status == Status.FAILED
                    ? Optional.of(new TestCaseResult.Failure(false, "AssertionError", "assert 41 == 42", FAILURE_BODY))
                    : Optional.empty();
            return new Attempt(batch, batch % 10, status, secs, failure, out, "");
        }
    }
}
