package dev.offload.maven;

import dev.offload.core.config.Config;
import dev.offload.core.report.ReportLocation;
import dev.offload.core.run.RunResult;
import dev.offload.core.run.TestOutcome;
import dev.offload.core.run.Verdict;
import java.util.List;
import java.util.stream.Collectors;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.Log;

/** Maps a finished run to Maven's result (SPEC §6.3). */
final class RunOutcome {
    private static final int MAX_LISTED_IDS = 50;

    private final RunResult result;
    private final Config config;
    private final boolean failOnFlaky;
    private final Log log;

    RunOutcome(RunResult result, Config config, boolean failOnFlaky, Log log) {
        this.result = result;
        this.config = config;
        this.failOnFlaky = failOnFlaky;
        this.log = log;
    }

    void apply() throws MojoFailureException {
        List<String> flaky = ids(Verdict.FLAKY);
        switch (result.exitCode(false)) {
            case 0 -> log.info(counts());
            case 2 -> {
                String tests = flaky.size() == 1 ? " flaky test" : " flaky tests";
                String message = "Offload: " + flaky.size() + tests + " (failed, then passed on retry):"
                        + System.lineSeparator() + listed(flaky);
                if (failOnFlaky) {
                    throw new MojoFailureException(message + System.lineSeparator() + "offload.failOnFlaky is set.");
                }
                log.warn(message);
                log.info(counts());
            }
            default -> throw new MojoFailureException(failureMessage());
        }
    }

    private String counts() {
        return "Tests: %d, Passed: %d, Skipped: %d, Flakes: %d"
                .formatted(
                        result.outcomes().size(),
                        result.count(Verdict.PASSED),
                        result.count(Verdict.SKIPPED),
                        result.count(Verdict.FLAKY));
    }

    private String failureMessage() {
        List<String> problems = result.outcomes().stream()
                .filter(o -> o.verdict().isProblem())
                .map(o -> o.test().id() + " [" + o.verdict() + "]")
                .toList();
        String report =
                ReportLocation.of(config.report()).map(p -> "%nReport: " + p).orElse("");
        return ("Offload: %d failed, %d not run, %d errors%n%s" + report)
                .formatted(
                        result.count(Verdict.FAILED),
                        result.count(Verdict.NOT_RUN),
                        result.count(Verdict.ERROR),
                        listed(problems));
    }

    private List<String> ids(Verdict verdict) {
        return result.outcomes().stream()
                .filter(o -> o.verdict() == verdict)
                .map(TestOutcome::test)
                .map(t -> t.id())
                .toList();
    }

    private static String listed(List<String> ids) {
        String shown = ids.stream().limit(MAX_LISTED_IDS).map(id -> "  " + id).collect(Collectors.joining("\n"));
        return ids.size() > MAX_LISTED_IDS ? shown + "\n  ... and " + (ids.size() - MAX_LISTED_IDS) + " more" : shown;
    }
}
