package dev.offload.core.run;

import dev.offload.core.config.Config;
import dev.offload.core.config.HistoryConfig;
import dev.offload.core.framework.TestCaseResult;
import dev.offload.core.history.HistoryRecorder;
import dev.offload.core.history.RecordedAttempt;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** When and what a run records into the history file (SPEC §4.10, §12.3). */
final class RunHistory {
    private RunHistory() {}

    /** {@code --record-history} / {@code offload.recordHistory} without a {@code [history]} table is a mistake. */
    static void checkOptions(Config config, RunOptions options) throws RunAbortedException {
        if (options.recordHistory() && config.history().isEmpty()) {
            throw new RunAbortedException(
                    "history recording was requested (--record-history / offload.recordHistory) but " + config.file()
                            + " has no [history] table",
                    "add a [history] table (e.g. path = \"offload-history.jsonl\") or drop the option",
                    null);
        }
    }

    /**
     * Records every attempt of a completed run when {@code record_history = "always"} or the option asks for it. An
     * interrupted run or one that failed before its tests ran records nothing; a failure to record is a warning.
     */
    static void record(Config config, RunOptions options, RunResult result, boolean interrupted, RunObserver observer) {
        if (config.history().isEmpty() || interrupted || result.outcomes().isEmpty()) {
            return;
        }
        HistoryConfig history = config.history().get();
        if (history.recordHistory() != HistoryConfig.RecordMode.ALWAYS && !options.recordHistory()) {
            return;
        }
        List<RecordedAttempt> attempts = attempts(result);
        Path dropped = config.report().outputDir().resolve(".offload").resolve("history-dropped.jsonl");
        try {
            HistoryRecorder.record(history, config.file(), dropped, result.runId(), result.startedAt(), attempts)
                    .forEach(observer::warning);
            observer.detail("History: recorded " + attempts.size() + " attempts in " + history.path());
        } catch (IOException | RuntimeException e) {
            observer.warning("could not record history in " + history.path() + ": " + e.getMessage());
        }
    }

    /** Passed and failed attempts; skips are not history (§12.3), ERROR and NOT_RUN tests have no attempts. */
    static List<RecordedAttempt> attempts(RunResult result) {
        List<RecordedAttempt> attempts = new ArrayList<>();
        for (TestOutcome outcome : result.outcomes()) {
            for (Attempt attempt : outcome.attempts()) {
                if (attempt.status() != TestCaseResult.Status.SKIPPED) {
                    attempts.add(new RecordedAttempt(outcome.test().id(), !attempt.failed(), attempt.secs()));
                }
            }
        }
        return attempts;
    }
}
