package dev.offload.core.report;

import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.run.BatchRecord;
import dev.offload.core.run.RunObserver;
import dev.offload.core.run.Verdict;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * Plain progress lines for CI logs (SPEC §15.1): {@code [offload] 42% | 120/285 done | 3 failed | 1 flaky | 8/10
 * sandboxes busy}, printed at start, at most once every 5 s and only after a change, and at 100%. Phase and warning
 * lines pass through.
 */
public final class ProgressPrinter implements RunObserver {

    static final Duration INTERVAL = Duration.ofSeconds(5);

    private final Consumer<String> out;
    private final Consumer<String> warnings;
    private final LongSupplier nanoTime;

    private int total;
    private int sandboxes;
    private int done;
    private int failed;
    private int flaky;
    private final Map<Integer, Integer> runningBatchSlots = new HashMap<>();
    private String lastPrinted = "";
    private long lastPrintNanos;
    private boolean started;
    private boolean completeShown;
    private boolean verbose;

    /** Everything to one stream, warnings prefixed with {@code warning: }. */
    public ProgressPrinter(PrintStream out) {
        this(out::println, line -> out.println("warning: " + line), System::nanoTime);
    }

    /** @param nanoTime a monotonic clock, replaceable in tests */
    public ProgressPrinter(PrintStream out, LongSupplier nanoTime) {
        this(out::println, line -> out.println("warning: " + line), nanoTime);
    }

    /**
     * @param out receives progress and phase lines
     * @param warnings receives warning lines, unprefixed (a Maven log adds its own level)
     * @param nanoTime a monotonic clock, replaceable in tests
     */
    public ProgressPrinter(Consumer<String> out, Consumer<String> warnings, LongSupplier nanoTime) {
        this.out = Objects.requireNonNull(out);
        this.warnings = Objects.requireNonNull(warnings);
        this.nanoTime = Objects.requireNonNull(nanoTime);
    }

    /** Also print one line per batch start and end ({@code -v}, SPEC §5.1). */
    public ProgressPrinter verbose(boolean on) {
        this.verbose = on;
        return this;
    }

    @Override
    public synchronized void started(int total, int sandboxes) {
        this.total = total;
        this.sandboxes = sandboxes;
        started = true;
        print();
    }

    @Override
    public synchronized void testsAdded(int delta) {
        total += delta;
    }

    @Override
    public void phase(String line) {
        out.accept(line);
    }

    @Override
    public void warning(String line) {
        warnings.accept(line);
    }

    @Override
    public synchronized void batchStarted(int number, int slot, int tests) {
        runningBatchSlots.put(number, slot);
        if (verbose) {
            out.accept("[batch %d] started on sandbox %d: %d tests".formatted(number, slot, tests));
        }
        maybePrint();
    }

    @Override
    public synchronized void batchFinished(BatchRecord batch) {
        runningBatchSlots.remove(batch.number());
        if (verbose) {
            out.accept("[batch %d] %s after %s"
                    .formatted(batch.number(), batch.outcome().suffix(), Durations.formatSecs(batch.secs())));
        }
        maybePrint();
    }

    @Override
    public synchronized void decided(DiscoveredTest test, Verdict verdict) {
        done++;
        if (verdict.isProblem()) {
            failed++;
        } else if (verdict == Verdict.FLAKY) {
            flaky++;
        }
        if (done == total) {
            printIfChanged(); // 100% is always shown
        } else {
            maybePrint();
        }
    }

    /** A change still waiting for its 5 s slot is shown now. */
    @Override
    public synchronized void finished() {
        if (started) {
            printIfChanged();
        }
    }

    private void maybePrint() {
        if (started && nanoTime.getAsLong() - lastPrintNanos >= INTERVAL.toNanos()) {
            printIfChanged();
        }
    }

    private void printIfChanged() {
        if (completeShown) {
            return; // 100% is shown once (SPEC §15.1)
        }
        if (!line().equals(lastPrinted)) {
            print();
        }
    }

    private void print() {
        completeShown = total > 0 && done == total;
        lastPrinted = line();
        lastPrintNanos = nanoTime.getAsLong();
        out.accept(lastPrinted);
    }

    /** The current progress line. */
    synchronized String line() {
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        long busy = runningBatchSlots.values().stream().distinct().count();
        return "[offload] " + percent + "% | " + done + "/" + total + " done | " + failed + " failed | " + flaky
                + " flaky | " + busy + "/" + sandboxes + " sandboxes busy";
    }
}
