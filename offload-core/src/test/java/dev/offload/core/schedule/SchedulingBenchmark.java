package dev.offload.core.schedule;

import dev.offload.core.framework.DiscoveredTest;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.Supplier;

/**
 * Timed main, not a unit test: plans a large synthetic suite and prints wall time and peak heap. See
 * bench/README.md ("Scheduling 100,000 ids") for the command and recorded figures.
 *
 * <p>Arguments: {@code [ids=100000] [maxParallel=10] [rounds=5]}.
 */
public final class SchedulingBenchmark {
    private SchedulingBenchmark() {}

    public static void main(String[] args) {
        int count = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        int maxParallel = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 5;

        Suite suite = Suite.synthetic(count, new Random(42));
        System.out.printf(
                "ids=%d individual=%d maxParallel=%d history=%d junit=%d mean id length=%.1f%n",
                count,
                suite.tests.stream().filter(t -> t.group().equals("individual")).count(),
                maxParallel,
                suite.history.size(),
                suite.junit.size(),
                suite.tests.stream().mapToInt(t -> t.id().length()).average().orElse(0));

        var estimator = new DurationEstimator(suite.history, suite.junit, 1.0);
        Map<String, Double> estimates = measure("estimate", rounds, () -> estimator.estimate(suite.tests));
        List<SchedulableTest> schedulable = suite.tests.stream()
                .map(t -> new SchedulableTest(
                        t.id(), estimates.get(t.id()), t.group().equals("individual")))
                .toList();
        List<PlannedBatch> plan =
                measure("plan", rounds, () -> BatchPlanner.plan(schedulable, maxParallel, warning -> {}));
        List<String> ids = suite.tests.stream().map(DiscoveredTest::id).toList();
        measure("shard 3/8", rounds, () -> ShardPartitioner.select(estimates, ids, new Shard(3, 8)));

        long packed = plan.stream().filter(b -> !b.individual()).count();
        double heaviest = plan.stream()
                .filter(b -> !b.individual())
                .mapToDouble(PlannedBatch::estimateSecs)
                .max()
                .orElse(0);
        long longest =
                plan.stream().mapToLong(b -> BatchIds.idsLength(b.ids())).max().orElse(0);
        System.out.printf(
                "batches=%d (packed %d, heaviest packed %.1f s, longest joined ids %d chars)%n",
                plan.size(), packed, heaviest, longest);
    }

    /** Runs {@code work} once cold, then {@code rounds} more times, and prints cold and median wall time and heap. */
    static <T> T measure(String name, int rounds, Supplier<T> work) {
        long[] millis = new long[rounds];
        T result = null;
        long baseline = settledHeap();
        long start = System.nanoTime();
        result = work.get();
        long cold = (System.nanoTime() - start) / 1_000_000;
        long peak = peakHeapSinceReset() - baseline;
        for (int i = 0; i < rounds; i++) {
            settledHeap();
            start = System.nanoTime();
            result = work.get();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf(
                "%-10s cold %5d ms, median of %d warm %5d ms, peak heap above baseline %4d MiB (baseline %d MiB)%n",
                name, cold, rounds, millis[rounds / 2], peak >> 20, baseline >> 20);
        return result;
    }

    /** Collects garbage, resets the pools' peak counters and returns the heap in use. */
    static long settledHeap() {
        System.gc();
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
                used += pool.getUsage().getUsed();
            }
        }
        return used;
    }

    /** Sum of the heap pools' peaks: an upper bound of the heap in use at any one moment since the reset. */
    static long peakHeapSinceReset() {
        long peak = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
            }
        }
        return peak;
    }

    /** A pytest-shaped suite: 1 % individual tests, 60 % with history, 20 % more with a previous junit time. */
    record Suite(List<DiscoveredTest> tests, Map<String, Double> history, Map<String, Double> junit) {
        static Suite synthetic(int count, Random random) {
            List<DiscoveredTest> tests = new ArrayList<>(count);
            Map<String, Double> history = new HashMap<>();
            Map<String, Double> junit = new HashMap<>();
            for (int i = 0; i < count; i++) {
                String id = "tests/pkg_%d/test_module_%d.py::TestClass%d::test_case_%d[param-%d]"
                        .formatted(i % 97, i % 1_009, i % 7, i, random.nextInt(1_000));
                String group = random.nextInt(100) == 0 ? "individual" : "group-" + (i % 5);
                tests.add(new DiscoveredTest(id, group, ""));
                // Log-normal durations: mostly sub-second, a long tail of slow tests.
                double secs = Math.exp(random.nextGaussian() * 1.5 - 1);
                int source = random.nextInt(10);
                if (source < 6) {
                    history.put(id, secs);
                } else if (source < 8) {
                    junit.put(id, secs);
                }
            }
            return new Suite(tests, history, junit);
        }
    }
}
