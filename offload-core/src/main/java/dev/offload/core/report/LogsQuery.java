package dev.offload.core.report;

import dev.offload.core.framework.ResultFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * The {@code logs} command and goal (SPEC §11.9): shows failure details from the last run's merged report. Both front
 * doors print the {@link Result} as it is.
 */
public final class LogsQuery {

    /** What a testcase shows as in the merged report. */
    public enum Status {
        PASSED("PASSED"),
        SKIPPED("SKIPPED"),
        FLAKY("FLAKY"),
        FAILED("FAILED"),
        ERROR("ERROR"),
        NOT_RUN("NOT RUN");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /**
     * The filters, composed with AND; the status options among themselves with OR.
     *
     * @param failures {@code --failures}: FAILED
     * @param errors {@code --errors}: ERROR and NOT RUN
     * @param flaky {@code --flaky}: FLAKY
     * @param testIds {@code --test}: exact ids; empty = any
     * @param testRegex {@code --test-regex}: unanchored search in the id
     */
    public record Filter(
            boolean failures, boolean errors, boolean flaky, List<String> testIds, Optional<String> testRegex) {
        public Filter {
            testIds = List.copyOf(testIds);
        }

        public static Filter all() {
            return new Filter(false, false, false, List.of(), Optional.empty());
        }
    }

    /**
     * What to print.
     *
     * @param stdout the rendered testcases, empty when nothing matched
     * @param exitCode 0, or 1 when the report is missing or unreadable or the regex is invalid
     * @param stderr a one-line message for stderr, if any
     */
    public record Result(String stdout, int exitCode, Optional<String> stderr) {}

    private LogsQuery() {}

    public static Result run(Path outputDir, String junitFile, Filter filter) {
        return run(outputDir.resolve(junitFile), filter);
    }

    public static Result run(Path junitXml, Filter filter) {
        Predicate<String> idFilter;
        try {
            idFilter = idFilter(filter);
        } catch (PatternSyntaxException e) {
            return failure("Invalid --test-regex pattern '" + e.getPattern() + "': " + e.getDescription());
        }
        if (!Files.isRegularFile(junitXml)) {
            return failure("No test results found at " + junitXml + ". Run 'offload run' first.");
        }
        List<JunitTestCase> cases;
        try {
            cases = JunitXmlParser.parseCases(junitXml);
        } catch (ResultFileException e) {
            return failure("Cannot read test results at " + junitXml + ": " + e.getMessage());
        }
        Set<Status> statuses = statuses(filter);
        StringBuilder out = new StringBuilder();
        cases.stream()
                .filter(c -> idFilter.test(c.name()))
                .filter(c -> statuses.contains(statusOf(c)))
                .sorted(Comparator.comparing(JunitTestCase::name))
                .forEach(c -> render(c, out));
        if (out.length() == 0) {
            return new Result("", 0, Optional.of("No matching test results found in " + junitXml));
        }
        return new Result(out.toString(), 0, Optional.empty());
    }

    /** SPEC §11.9 derivation, in order of precedence. */
    public static Status statusOf(JunitTestCase testCase) {
        List<JunitTestCase.Element> elements = testCase.elements();
        if (elements.stream().anyMatch(e -> e.kind().equals("error") && e.type().equals("offload.NotRun"))) {
            return Status.NOT_RUN;
        }
        if (has(elements, "error")) {
            return Status.ERROR;
        }
        if (has(elements, "failure")) {
            return Status.FAILED;
        }
        if (has(elements, "flakyFailure") || has(elements, "flakyError")) {
            return Status.FLAKY;
        }
        return has(elements, "skipped") ? Status.SKIPPED : Status.PASSED;
    }

    private static boolean has(List<JunitTestCase.Element> elements, String kind) {
        return elements.stream().anyMatch(e -> e.kind().equals(kind));
    }

    private static Predicate<String> idFilter(Filter filter) {
        Predicate<String> byId = filter.testIds().isEmpty() ? id -> true : Set.copyOf(filter.testIds())::contains;
        if (filter.testRegex().isEmpty()) {
            return byId;
        }
        Pattern pattern = Pattern.compile(filter.testRegex().get());
        return byId.and(id -> pattern.matcher(id).find());
    }

    private static Set<Status> statuses(Filter filter) {
        if (!filter.failures() && !filter.errors() && !filter.flaky()) {
            return EnumSet.allOf(Status.class);
        }
        Set<Status> statuses = EnumSet.noneOf(Status.class);
        if (filter.failures()) {
            statuses.add(Status.FAILED);
        }
        if (filter.errors()) {
            statuses.add(Status.ERROR);
            statuses.add(Status.NOT_RUN);
        }
        if (filter.flaky()) {
            statuses.add(Status.FLAKY);
        }
        return statuses;
    }

    private static void render(JunitTestCase testCase, StringBuilder out) {
        Status status = statusOf(testCase);
        out.append("=== ")
                .append(testCase.name())
                .append(" [")
                .append(status.label())
                .append("] ===\n");
        List<JunitTestCase.Element> failures =
                testCase.elements().stream().filter(e -> !e.isSkipped()).toList();
        boolean headed = status == Status.FLAKY || failures.size() > 1;
        int attempt = 0;
        for (JunitTestCase.Element element : failures) {
            attempt++;
            if (headed) {
                out.append("--- attempt ").append(attempt).append(" ---\n");
            }
            appendLine(out, element.message());
            if (!element.body().equals(element.message())) {
                appendLine(out, element.body());
            }
        }
        out.append('\n');
    }

    private static void appendLine(StringBuilder out, String text) {
        String trimmed = text.stripTrailing();
        if (!trimmed.isEmpty()) {
            out.append(trimmed).append('\n');
        }
    }

    private static Result failure(String message) {
        return new Result("", 1, Optional.of(message));
    }
}
