package dev.offload.core.report;

import dev.offload.core.framework.TestCaseResult.Failure;
import dev.offload.core.run.Attempt;
import dev.offload.core.run.RunResult;
import dev.offload.core.run.TestOutcome;
import dev.offload.core.run.Verdict;
import java.util.List;

/**
 * The failed, error, not-run and flaky sections of {@code report.html} (SPEC §11.7): one {@code <details>} per test
 * with every failed attempt's message, type, stack trace and output, each cut at 64 KiB.
 */
final class HtmlTestSections {

    /** Per-text limit of SPEC §11.7: keeps the page small enough for a browser with thousands of failures. */
    static final int TEXT_LIMIT_BYTES = 64 * 1024;

    private HtmlTestSections() {}

    static void render(RunResult result, Html html) {
        if (result.error().isEmpty() && result.outcomeName().equals("pass")) {
            html.element("p", "All tests passed.", "class", "all-passed");
        }
        section(result, html, Verdict.FAILED, "Failed tests");
        section(result, html, Verdict.ERROR, "Errors");
        section(result, html, Verdict.NOT_RUN, "Not run");
        section(result, html, Verdict.FLAKY, "Flaky tests");
    }

    private static void section(RunResult result, Html html, Verdict verdict, String heading) {
        List<TestOutcome> tests =
                result.outcomes().stream().filter(o -> o.verdict() == verdict).toList();
        if (tests.isEmpty()) {
            return;
        }
        String css = verdict.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        html.open("section", "class", "tests " + css, "id", css);
        html.element("h2", heading + " (" + tests.size() + ")");
        for (TestOutcome test : tests) {
            test(html, test, css);
        }
        html.close("section");
    }

    private static void test(Html html, TestOutcome outcome, String css) {
        html.open("details", "class", "test " + css);
        html.open("summary")
                .element("span", outcome.test().id(), "class", "id")
                .element("span", summaryNote(outcome), "class", "note")
                .close("summary");
        html.open("div", "class", "body");
        html.element("p", "Group " + outcome.test().group() + classname(outcome), "class", "meta");
        outcome.cause()
                .ifPresent(cause -> html.open("p", "class", "cause")
                        .element(
                                "strong", outcome.verdict() == Verdict.NOT_RUN ? "Not run: " : "Infrastructure error: ")
                        .text(cause)
                        .close("p"));
        List<Attempt> attempts = outcome.attempts();
        for (int i = 0; i < attempts.size(); i++) {
            if (attempts.get(i).failed()) {
                attempt(html, attempts.get(i), i + 1, attempts.size());
            }
        }
        if (outcome.verdict() == Verdict.FLAKY) {
            html.element("p", "Passed on attempt " + attempts.size() + ".", "class", "meta");
        }
        html.close("div").close("details");
    }

    private static String summaryNote(TestOutcome outcome) {
        long failed = outcome.attempts().stream().filter(Attempt::failed).count();
        String attempts = outcome.attempts().size() == 1
                ? "1 attempt"
                : outcome.attempts().size() + " attempts";
        return switch (outcome.verdict()) {
            case ERROR, NOT_RUN -> outcome.cause().orElse("");
            case FLAKY -> failed + " of " + attempts + " failed";
            default ->
                outcome.decidingAttempt()
                        .flatMap(Attempt::failure)
                        .map(f -> oneLine(f.type().isEmpty() ? f.message() : f.type() + ": " + f.message()))
                        .orElse(attempts);
        };
    }

    private static String classname(TestOutcome outcome) {
        return outcome.test().classname().isEmpty()
                ? ""
                : " · " + outcome.test().classname();
    }

    private static void attempt(Html html, Attempt attempt, int number, int of) {
        Failure failure = attempt.failure().orElse(new Failure(false, "", "", ""));
        html.open("div", "class", "attempt");
        html.element(
                "h3",
                "Attempt " + number + " of " + of + " · " + (failure.error() ? "error" : "failure")
                        + (failure.type().isEmpty() ? "" : ": " + failure.type()) + " · batch #" + attempt.batch()
                        + " · sandbox " + attempt.sandbox() + " · " + Durations.formatSecs(attempt.secs()));
        block(html, "Message", failure.message());
        block(html, "Stack trace", failure.body());
        block(html, "Standard output", attempt.systemOut());
        block(html, "Standard error", attempt.systemErr());
        html.close("div");
    }

    private static void block(Html html, String label, String text) {
        if (text.isBlank()) {
            return;
        }
        html.element("h4", label).element("pre", XmlText.cut(text, TEXT_LIMIT_BYTES, "64 KiB"));
    }

    private static String oneLine(String text) {
        String first = text.strip().lines().findFirst().orElse("");
        return first.length() > 160 ? first.substring(0, 157) + "..." : first;
    }
}
