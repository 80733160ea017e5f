package dev.offload.junit.engine;

import dev.offload.core.framework.TestCaseResult;
import dev.offload.core.run.Attempt;
import dev.offload.core.run.TestOutcome;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;

/** What a decided test becomes for the JUnit Platform (SPEC §16.4). */
final class ResultMapping {
    private ResultMapping() {}

    /** The result of a test that was not skipped. */
    static TestExecutionResult result(TestOutcome outcome) {
        return switch (outcome.verdict()) {
            case PASSED, FLAKY, SKIPPED -> TestExecutionResult.successful();
            case FAILED ->
                TestExecutionResult.failed(outcome.decidingAttempt()
                        .flatMap(Attempt::failure)
                        .map(RemoteFailures::of)
                        .orElseGet(() -> new AssertionError("failed in its sandbox")));
            case ERROR ->
                TestExecutionResult.failed(
                        new OffloadInfrastructureException(outcome.cause().orElse("infrastructure error")));
            case NOT_RUN ->
                TestExecutionResult.failed(new OffloadTestNotRunException(
                        "not run: " + outcome.cause().orElse("no result")));
        };
    }

    static String skipReason(TestOutcome outcome) {
        return outcome.decidingAttempt()
                .flatMap(Attempt::failure)
                .map(TestCaseResult.Failure::message)
                .filter(m -> !m.isBlank())
                .orElse("skipped");
    }

    /** {@code offload.duration}, {@code offload.attempts}, {@code offload.sandbox} and, for FLAKY, {@code offload.flaky}. */
    static Optional<ReportEntry> entry(TestOutcome outcome) {
        Map<String, String> values = new LinkedHashMap<>();
        outcome.decidingAttempt().ifPresent(a -> {
            values.put("offload.duration", String.format(Locale.ROOT, "%.3f", a.secs()));
            values.put("offload.sandbox", String.valueOf(a.sandbox()));
        });
        values.put("offload.attempts", String.valueOf(outcome.attempts().size()));
        if (outcome.verdict() == dev.offload.core.run.Verdict.FLAKY) {
            values.put("offload.flaky", flakyDescription(outcome));
        }
        return Optional.of(ReportEntry.from(values));
    }

    private static String flakyDescription(TestOutcome outcome) {
        var text = new StringBuilder();
        int n = 0;
        for (Attempt attempt : outcome.attempts()) {
            n++;
            if (attempt.failed()) {
                if (!text.isEmpty()) {
                    text.append("; ");
                }
                text.append("attempt ").append(n).append(" failed in sandbox ").append(attempt.sandbox());
                text.append(" (batch ").append(attempt.batch()).append(')');
                attempt.failure()
                        .ifPresent(f ->
                                text.append(": ").append(f.type()).append(": ").append(f.message()));
            }
        }
        return text.toString();
    }
}
