package dev.offload.core.report;

import dev.offload.core.config.GroupConfig;
import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.framework.TestCaseResult.Failure;
import dev.offload.core.framework.TestCaseResult.Status;
import dev.offload.core.run.Attempt;
import dev.offload.core.run.BatchRecord;
import dev.offload.core.run.RunResult;
import dev.offload.core.run.TestOutcome;
import dev.offload.core.run.Verdict;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/** Builds {@link RunResult}s the way the orchestrator would hand them to the reports. */
final class RunFixtures {

    static final Instant START = Instant.parse("2026-11-26T10:00:00Z");

    private final List<GroupConfig> groups = new ArrayList<>();
    private final List<TestOutcome> outcomes = new ArrayList<>();
    private final List<BatchRecord> batches = new ArrayList<>();
    private double wallSecs = 83.4;
    private Optional<Double> cost = Optional.empty();
    private Optional<String> error = Optional.empty();

    RunFixtures group(String name) {
        groups.add(new GroupConfig(name, 1, "", false));
        return this;
    }

    RunFixtures outcome(String group, String id, Verdict verdict, List<Attempt> attempts, String cause) {
        outcomes.add(new TestOutcome(
                new DiscoveredTest(id, group, "tests/test_x.py"),
                verdict,
                attempts,
                cause.isEmpty() ? Optional.empty() : Optional.of(cause)));
        return this;
    }

    RunFixtures passed(String group, String id) {
        return outcome(group, id, Verdict.PASSED, List.of(pass(0.5)), "");
    }

    RunFixtures batch(int number, int sandbox, int tests, double secs, BatchRecord.BatchOutcome outcome) {
        batches.add(new BatchRecord(
                number, sandbox, tests, START, START.plusMillis(Math.round(secs * 1000)), outcome, false, false));
        return this;
    }

    RunFixtures batchAt(
            int number,
            int sandbox,
            int tests,
            double from,
            double to,
            BatchRecord.BatchOutcome outcome,
            boolean hedge) {
        batches.add(new BatchRecord(
                number,
                sandbox,
                tests,
                START.plusMillis(Math.round(from * 1000)),
                START.plusMillis(Math.round(to * 1000)),
                outcome,
                hedge,
                false));
        return this;
    }

    RunFixtures wall(double secs) {
        wallSecs = secs;
        return this;
    }

    RunFixtures cost(double usd) {
        cost = Optional.of(usd);
        return this;
    }

    RunFixtures aborted(String message) {
        error = Optional.of(message);
        return this;
    }

    RunResult build() {
        return new RunResult(
                "4fQx",
                START,
                START.plusMillis(Math.round(wallSecs * 1000)),
                groups,
                outcomes,
                batches,
                2,
                Optional.empty(),
                cost,
                311.9,
                error,
                OptionalDouble.empty());
    }

    static Attempt pass(double secs) {
        return new Attempt(0, 0, Status.PASSED, secs, Optional.empty(), "", "");
    }

    static Attempt fail(String message, String out) {
        return new Attempt(
                1,
                1,
                Status.FAILED,
                1.25,
                Optional.of(new Failure(false, "AssertionError", message, "trace of " + message)),
                out,
                "");
    }

    static Attempt errored(String message) {
        return new Attempt(
                2,
                0,
                Status.FAILED,
                0.75,
                Optional.of(new Failure(true, "RuntimeError", message, "trace of " + message)),
                "",
                "stderr of " + message);
    }

    static Attempt skip(String reason) {
        return new Attempt(0, 0, Status.SKIPPED, 0, Optional.of(new Failure(false, "pytest.skip", reason, "")), "", "");
    }
}
