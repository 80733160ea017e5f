package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.management.GarbageCollectionNotificationInfo;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 11's load test: 20,000 tests on 64 local slots (the real local provider; each batch is a shell script writing
 * JUnit XML for its ids, every 100th failing). The run completes in about 10 s, every test gets one verdict, no process
 * is left, and the heap stays bounded: the live heap after each garbage collection (GC
 * notifications) and the peak heap used (sampled) are reported in docs/reliability.md and asserted below a bound.
 */
@Timeout(value = 180, unit = TimeUnit.SECONDS)
class LoadTest {
    private static final int TESTS = 20_000;
    private static final int SLOTS = 64;
    /** Live heap after a collection: what the run really holds (ids, states, attempts, reports). */
    private static final long LIVE_HEAP_BOUND = 256L << 20;

    @TempDir
    Path project;

    @Test
    void twentyThousandTestsOnSixtyFourSlotsCompleteWithBoundedHeap() throws Exception {
        Files.writeString(project.resolve("batch.sh"), """
                # Writes JUnit XML for its ids: every id ending in 00 fails.
                out=$1; shift
                {
                  echo '<testsuite name="load">'
                  for id in "$@"; do
                    case $id in
                      *00) echo "<testcase name=\\"$id\\" time=\\"0.001\\"><failure message=\\"boom\\"/></testcase>" ;;
                      *) echo "<testcase name=\\"$id\\" time=\\"0.001\\"/>" ;;
                    esac
                  done
                  echo '</testsuite>'
                } > "$out"
                """);
        Path config = Files.writeString(project.resolve("offload.toml"), """
                [offload]
                max_parallel = %d
                test_timeout_secs = 120

                [provider]
                type = "local"

                [framework]
                type = "default"
                discover_command = "seq -f 'load_%%05g' 1 %d # {filters}"
                run_command = "sh batch.sh {result_file} {tests}"
                test_id_format = "{name}"

                [groups.all]
                retry_count = 0

                [report]
                output_dir = "out"
                """.formatted(SLOTS, TESTS));
        HeapWatch watch = HeapWatch.start();
        long started = System.nanoTime();

        RunResult result;
        try {
            result = new OffloadRun(
                            ConfigLoader.load(
                                    config,
                                    new LoadOptions(false, Map.of(), Path.of("out"), Optional.empty(), w -> {})),
                            RunOptions.defaults(),
                            RunObserver.NONE,
                            Clock.systemUTC())
                    .execute();
        } finally {
            watch.stop();
        }
        Duration took = Duration.ofNanos(System.nanoTime() - started);

        Map<Verdict, Integer> counts = new EnumMap<>(Verdict.class);
        result.outcomes().forEach(o -> counts.merge(o.verdict(), 1, Integer::sum));
        long distinct =
                result.outcomes().stream().map(o -> o.test().id()).distinct().count();
        List<String> leaked = FaultInjectionTest.leftoverProcesses(project.toString());
        ReliabilitySections.write(
                "60-load.md",
                List.of(
                        "## Load",
                        "",
                        "`LoadTest` (offload-core): " + TESTS
                                + " tests (default framework, each batch a shell script writing"
                                + " JUnit XML; every 100th test fails) on " + SLOTS
                                + " slots of the real local provider, run"
                                + " in the test JVM. The live heap is read after every garbage collection (GC notifications),"
                                + " the peak used heap (garbage included) sampled every 20 ms; bound on the live heap: "
                                + (LIVE_HEAP_BOUND >> 20) + " MB.",
                        "",
                        "| Tests | Slots | Batches | Verdicts | Verdicts lost | Processes left | Live heap after GC (max) |"
                                + " Peak heap used | GCs | Took |",
                        "|---|---|---|---|---|---|---|---|---|---|",
                        "| %d | %d | %d | %s | %d | %d | %d MB | %d MB | %d | %.1f s |"
                                .formatted(
                                        TESTS,
                                        SLOTS,
                                        result.batches().size(),
                                        counts,
                                        TESTS - distinct + (result.outcomes().size() - distinct),
                                        leaked.size(),
                                        watch.maxLiveAfterGc() >> 20,
                                        watch.peakUsed() >> 20,
                                        watch.collections(),
                                        took.toMillis() / 1000.0),
                        ""));

        ReliabilitySections.totals(
                "60-load.totals",
                "Load",
                "LoadTest",
                1,
                TESTS,
                TESTS - distinct + (result.outcomes().size() - distinct),
                leaked.size(),
                0);

        assertThat(result.outcomes()).hasSize(TESTS);
        assertThat(distinct).isEqualTo(TESTS);
        assertThat(counts)
                .containsEntry(Verdict.FAILED, TESTS / 100)
                .containsEntry(Verdict.PASSED, TESTS - TESTS / 100);
        assertThat(leaked).isEmpty();
        assertThat(watch.maxLiveAfterGc()).as("live heap after GC").isLessThan(LIVE_HEAP_BOUND);
    }

    /** Heap figures while the run works: the max live heap after each GC, and the peak used heap sampled. */
    private static final class HeapWatch {
        private final AtomicLong maxLive = new AtomicLong();
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong collections = new AtomicLong();
        private final List<Runnable> undo = new ArrayList<>();
        private volatile boolean running = true;

        static HeapWatch start() {
            HeapWatch watch = new HeapWatch();
            NotificationListener listener = (notification, handback) -> {
                if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long after = info.getGcInfo().getMemoryUsageAfterGc().values().stream()
                            .mapToLong(MemoryUsage::getUsed)
                            .sum();
                    watch.collections.incrementAndGet();
                    watch.maxLive.accumulateAndGet(after, Math::max);
                }
            };
            for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
                NotificationEmitter emitter = (NotificationEmitter) gc;
                emitter.addNotificationListener(listener, null, null);
                watch.undo.add(() -> {
                    try {
                        emitter.removeNotificationListener(listener);
                    } catch (Exception e) {
                        // already gone
                    }
                });
            }
            Thread sampler = new Thread(() -> {
                while (watch.running) {
                    watch.peak.accumulateAndGet(
                            ManagementFactory.getMemoryMXBean()
                                    .getHeapMemoryUsage()
                                    .getUsed(),
                            Math::max);
                    try {
                        Thread.sleep(20);
                    } catch (InterruptedException e) {
                        return;
                    }
                }
            });
            sampler.setDaemon(true);
            sampler.start();
            return watch;
        }

        void stop() {
            running = false;
            // A final collection so the live figure includes the run's end state (all outcomes held).
            System.gc();
            undo.forEach(Runnable::run);
        }

        long maxLiveAfterGc() {
            return maxLive.get();
        }

        long peakUsed() {
            return peak.get();
        }

        long collections() {
            return collections.get();
        }
    }
}
