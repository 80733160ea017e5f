package dev.offload.core.run;

import dev.offload.core.config.GroupConfig;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;

/**
 * Everything the reports need about one finished run: {@link #outcomes()} holds exactly one entry per discovered test,
 * in discovery order (groups in file order), SPEC §17.1.
 *
 * @param error the message when the run aborted before tests ran (outcome {@code error})
 * @param batchOverheadSecs the batch overhead O of SPEC §9.6 at the end of the run, empty when no batch finished
 */
public record RunResult(
        String runId,
        Instant startedAt,
        Instant finishedAt,
        List<GroupConfig> groups,
        List<TestOutcome> outcomes,
        List<BatchRecord> batches,
        int sandboxes,
        Optional<String> shard,
        Optional<Double> estimatedCostUsd,
        double coreSeconds,
        Optional<String> error,
        OptionalDouble batchOverheadSecs) {

    public RunResult {
        groups = List.copyOf(groups);
        outcomes = List.copyOf(outcomes);
        batches = List.copyOf(batches);
    }

    /** A run that aborted before tests ran (SPEC §10.8 outcome {@code error}): no outcomes, batches or sandboxes. */
    public static RunResult aborted(
            String runId,
            Instant startedAt,
            Instant finishedAt,
            List<GroupConfig> groups,
            Optional<String> shard,
            String message) {
        return new RunResult(
                runId,
                startedAt,
                finishedAt,
                groups,
                List.of(),
                List.of(),
                0,
                shard,
                Optional.empty(),
                0,
                Optional.of(message),
                OptionalDouble.empty());
    }

    /** The same run, failed because of {@code message} (e.g. its report could not be written). */
    public RunResult withError(String message) {
        return new RunResult(
                runId,
                startedAt,
                finishedAt,
                groups,
                outcomes,
                batches,
                sandboxes,
                shard,
                estimatedCostUsd,
                coreSeconds,
                Optional.of(message),
                batchOverheadSecs);
    }

    public long count(Verdict verdict) {
        return outcomes.stream().filter(o -> o.verdict() == verdict).count();
    }

    /** Exit code of SPEC §10.8. */
    public int exitCode(boolean failOnFlaky) {
        if (error.isPresent() || outcomes.stream().anyMatch(o -> o.verdict().isProblem())) {
            return 1;
        }
        if (count(Verdict.FLAKY) > 0) {
            return failOnFlaky ? 1 : 2;
        }
        return 0;
    }

    /** {@code pass}, {@code flaky}, {@code fail} or {@code error} (SPEC §10.8). */
    public String outcomeName() {
        if (error.isPresent()) {
            return "error";
        }
        return switch (exitCode(false)) {
            case 0 -> "pass";
            case 2 -> "flaky";
            default -> "fail";
        };
    }
}
