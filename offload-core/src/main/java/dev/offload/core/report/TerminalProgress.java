package dev.offload.core.report;

import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.run.BatchRecord;
import dev.offload.core.run.RunObserver;
import dev.offload.core.run.Verdict;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;

/**
 * The interactive progress of SPEC §15.1 for a terminal: two lines redrawn in place every 200 ms,
 *
 * <pre>
 * passed 117  failed 3  flaky 1  remaining 164  |  sandboxes 8/10 busy
 * [##########>---------------------]  42%  120/285  00:01:23
 * </pre>
 *
 * Phase and warning lines are printed above them. Only for a terminal: CI logs get {@link ProgressPrinter}.
 */
public final class TerminalProgress implements RunObserver {
    static final int BAR_WIDTH = 40;
    private static final long REDRAW_MILLIS = 200;
    private static final String CLEAR_TO_END = "\u001b[J";
    private static final String UP_TWO_LINES = "\u001b[2F";

    private final PrintStream out;
    private final LongSupplier nanoTime;
    private final Map<Integer, Integer> runningBatchSlots = new HashMap<>();
    private ScheduledExecutorService ticker;
    private long startNanos;
    private int total;
    private int sandboxes;
    private int passed;
    private int failed;
    private int flaky;
    private int done;
    private boolean drawn;

    public TerminalProgress(PrintStream out) {
        this(out, System::nanoTime);
    }

    TerminalProgress(PrintStream out, LongSupplier nanoTime) {
        this.out = out;
        this.nanoTime = nanoTime;
    }

    @Override
    public synchronized void started(int total, int sandboxes) {
        this.total = total;
        this.sandboxes = sandboxes;
        this.startNanos = nanoTime.getAsLong();
        redraw();
        ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "offload-progress");
            thread.setDaemon(true);
            return thread;
        });
        ticker.scheduleAtFixedRate(this::redraw, REDRAW_MILLIS, REDRAW_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void testsAdded(int delta) {
        total += delta;
    }

    @Override
    public synchronized void phase(String line) {
        printAbove(line);
    }

    @Override
    public synchronized void warning(String line) {
        printAbove("warning: " + line);
    }

    @Override
    public synchronized void batchStarted(int number, int slot, int tests) {
        runningBatchSlots.put(number, slot);
    }

    @Override
    public synchronized void batchFinished(BatchRecord batch) {
        runningBatchSlots.remove(batch.number());
    }

    @Override
    public synchronized void decided(DiscoveredTest test, Verdict verdict) {
        done++;
        switch (verdict) {
            case PASSED, SKIPPED -> passed++;
            case FLAKY -> flaky++;
            default -> failed++;
        }
    }

    /** Draws the final state once more and stops redrawing; the two lines stay on screen. */
    @Override
    public synchronized void finished() {
        if (ticker != null) {
            ticker.shutdownNow();
            ticker = null;
            redraw();
        }
    }

    synchronized void redraw() {
        StringBuilder text = new StringBuilder();
        if (drawn) {
            text.append(UP_TWO_LINES).append(CLEAR_TO_END);
        }
        text.append(countsLine()).append('\n').append(barLine()).append('\n');
        out.print(text);
        out.flush();
        drawn = true;
    }

    private void printAbove(String line) {
        if (drawn) {
            out.print(UP_TWO_LINES + CLEAR_TO_END);
            drawn = false;
        }
        out.println(line);
        if (ticker != null) {
            redraw();
        }
    }

    String countsLine() {
        long busy = runningBatchSlots.values().stream().distinct().count();
        return "passed %d  failed %d  flaky %d  remaining %d  |  sandboxes %d/%d busy"
                .formatted(passed, failed, flaky, total - done, busy, sandboxes);
    }

    String barLine() {
        int filled = total == 0 ? BAR_WIDTH : (int) ((long) BAR_WIDTH * done / total);
        String bar = filled >= BAR_WIDTH
                ? "#".repeat(BAR_WIDTH)
                : "#".repeat(filled) + ">" + "-".repeat(BAR_WIDTH - filled - 1);
        int percent = total == 0 ? 100 : (int) (100L * done / total);
        long secs = Duration.ofNanos(nanoTime.getAsLong() - startNanos).toSeconds();
        return "[%s]  %d%%  %d/%d  %02d:%02d:%02d"
                .formatted(bar, percent, done, total, secs / 3600, secs / 60 % 60, secs % 60);
    }
}
