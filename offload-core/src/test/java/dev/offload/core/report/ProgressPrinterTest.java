package dev.offload.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.run.BatchRecord;
import dev.offload.core.run.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ProgressPrinterTest {

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final ProgressPrinter printer =
            new ProgressPrinter(new PrintStream(bytes, true, StandardCharsets.UTF_8), nanos::get);

    @Test
    void printsAtStartThenAtMostEveryFiveSecondsAfterAChangeAndAt100Percent() {
        printer.started(4, 2);
        printer.phase("Creating 2 sandboxes...");
        printer.batchStarted(0, 0, 2);
        printer.batchStarted(1, 1, 2);
        advance(4.9);
        printer.decided(test("a"), Verdict.PASSED); // too early
        advance(0.2);
        printer.decided(test("b"), Verdict.FAILED); // 5.1 s after start: printed
        advance(10);
        printer.batchFinished(batch(0)); // printed: busy count changed
        advance(1);
        printer.decided(test("c"), Verdict.FLAKY); // too early
        printer.decided(test("d"), Verdict.NOT_RUN); // 100%: always printed

        assertThat(output()).isEqualTo("""
                        [offload] 0% | 0/4 done | 0 failed | 0 flaky | 0/2 sandboxes busy
                        Creating 2 sandboxes...
                        [offload] 50% | 2/4 done | 1 failed | 0 flaky | 2/2 sandboxes busy
                        [offload] 50% | 2/4 done | 1 failed | 0 flaky | 1/2 sandboxes busy
                        [offload] 100% | 4/4 done | 2 failed | 1 flaky | 1/2 sandboxes busy
                        """);
    }

    @Test
    void pendingChangeShowsAtFinishAndUnchangedStateIsNeverRepeated() {
        printer.started(3, 1);
        advance(60);
        printer.batchStarted(0, 0, 3); // printed
        printer.batchFinished(batch(0)); // too early: pending
        printer.finished(); // pending change shown
        advance(60);
        printer.finished(); // nothing new

        assertThat(output()).isEqualTo("""
                        [offload] 0% | 0/3 done | 0 failed | 0 flaky | 0/1 sandboxes busy
                        [offload] 0% | 0/3 done | 0 failed | 0 flaky | 1/1 sandboxes busy
                        [offload] 0% | 0/3 done | 0 failed | 0 flaky | 0/1 sandboxes busy
                        """);
    }

    @Test
    void completeLineIsPrintedOnceEvenWhenSandboxesGoIdleAfterwards() {
        printer.started(1, 1);
        printer.batchStarted(0, 0, 1);
        printer.decided(test("a"), Verdict.PASSED); // 100% with 1/1 busy
        advance(60);
        printer.batchFinished(batch(0));
        printer.finished();

        assertThat(output().lines().filter(l -> l.contains("100%"))).hasSize(1);
    }

    @Test
    void verboseModeAddsOneLinePerBatchStartAndEnd() {
        printer.verbose(true).started(2, 1);
        printer.batchStarted(0, 0, 2);
        printer.batchFinished(batch(0));

        assertThat(output())
                .contains("[batch 0] started on sandbox 0: 2 tests")
                .containsPattern("\\[batch 0\\] success after \\S+");
    }

    private void advance(double secs) {
        nanos.addAndGet((long) (secs * 1e9));
    }

    private String output() {
        return bytes.toString(StandardCharsets.UTF_8);
    }

    private static DiscoveredTest test(String id) {
        return new DiscoveredTest(id, "g", "");
    }

    private static BatchRecord batch(int number) {
        return new BatchRecord(
                number, 0, 2, Instant.EPOCH, Instant.EPOCH, BatchRecord.BatchOutcome.SUCCESS, false, false);
    }
}
