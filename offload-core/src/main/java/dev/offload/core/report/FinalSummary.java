package dev.offload.core.report;

import dev.offload.core.run.BatchRecord;
import dev.offload.core.run.RunResult;
import dev.offload.core.run.TestOutcome;
import dev.offload.core.run.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Locale;

/** The text printed to stdout after teardown (SPEC §15.2). */
public final class FinalSummary {

    /** Ids listed per category before {@code ... and K more}. */
    static final int LIST_LIMIT = 20;

    private FinalSummary() {}

    public static String render(RunResult result, boolean showCost) {
        StringBuilder out = new StringBuilder();
        out.append("Test Results (run ").append(result.runId()).append("):\n");
        line(out, "Total:     ", result.outcomes().size());
        line(out, "Passed:    ", result.count(Verdict.PASSED));
        if (result.count(Verdict.SKIPPED) > 0) {
            line(out, "Skipped:   ", result.count(Verdict.SKIPPED));
        }
        line(out, "Flaky:     ", result.count(Verdict.FLAKY));
        line(out, "Failed:    ", result.count(Verdict.FAILED));
        line(out, "Not run:   ", result.count(Verdict.NOT_RUN));
        line(out, "Errors:    ", result.count(Verdict.ERROR));
        out.append("  Wall time: ")
                .append(Durations.format(Duration.between(result.startedAt(), result.finishedAt())))
                .append('\n');
        if (showCost) {
            out.append(String.format(
                    Locale.ROOT,
                    "  Estimated cost: $%.4f (%.1f core-seconds)\n",
                    result.estimatedCostUsd().orElse(0.0),
                    result.coreSeconds()));
        }
        appendSlowestBatches(out, result);
        appendIds(out, result, Verdict.FAILED, "Failed tests:");
        appendIds(out, result, Verdict.ERROR, "Errors:");
        appendIds(out, result, Verdict.NOT_RUN, "Not run:");
        appendIds(out, result, Verdict.FLAKY, "Flaky tests:");
        out.append('\n').append(verdictLine(result)).append('\n');
        return out.toString();
    }

    private static void line(StringBuilder out, String label, long count) {
        out.append("  ").append(label).append(count).append('\n');
    }

    private static void appendSlowestBatches(StringBuilder out, RunResult result) {
        List<BatchRecord> slowest = SlowestBatches.of(result);
        if (slowest.isEmpty()) {
            return;
        }
        out.append("  Slowest batches:\n");
        for (BatchRecord b : slowest) {
            out.append(String.format(
                    Locale.ROOT,
                    "    #%d  sandbox %d  %d tests  %s  %s\n",
                    b.number(),
                    b.sandbox(),
                    b.tests(),
                    Durations.formatSecs(b.secs()),
                    b.outcome().suffix()));
        }
    }

    /** Error and not-run entries carry their cause: it is the only hint of what went wrong (SPEC §7.4). */
    private static void appendIds(StringBuilder out, RunResult result, Verdict verdict, String heading) {
        List<TestOutcome> matching =
                result.outcomes().stream().filter(o -> o.verdict() == verdict).toList();
        if (matching.isEmpty()) {
            return;
        }
        out.append('\n').append(heading).append('\n');
        for (TestOutcome o : matching.subList(0, Math.min(LIST_LIMIT, matching.size()))) {
            out.append("  ").append(TerminalSafe.escape(o.test().id()));
            o.cause()
                    .filter(c -> verdict == Verdict.ERROR || verdict == Verdict.NOT_RUN)
                    .ifPresent(
                            c -> out.append(" (").append(TerminalSafe.escape(c)).append(')'));
            out.append('\n');
        }
        if (matching.size() > LIST_LIMIT) {
            out.append("  ... and ").append(matching.size() - LIST_LIMIT).append(" more\n");
        }
    }

    static String verdictLine(RunResult result) {
        if (result.error().isPresent()) {
            return "Run failed: " + result.error().get();
        }
        long failed = result.count(Verdict.FAILED);
        long notRun = result.count(Verdict.NOT_RUN);
        long errors = result.count(Verdict.ERROR);
        if (failed + notRun + errors > 0) {
            return "Tests failed: " + failed + " failed, " + notRun + " not run, " + errors + " errors.";
        }
        long flaky = result.count(Verdict.FLAKY);
        return flaky > 0 ? "All tests passed (" + flaky + " flaky)." : "All tests passed.";
    }
}
