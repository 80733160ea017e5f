package dev.offload.core.framework;

import dev.offload.core.framework.TestCaseResult.Failure;
import dev.offload.core.framework.TestCaseResult.Status;
import dev.offload.core.report.Failures;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Maps a runner's testcases to the ids of the batch that produced them (SPEC §7.1). A testcase that cannot be matched
 * is ignored with a warning and never invalidates the rest of the batch.
 */
public final class TestCaseResolver {

    private static final Pattern PY_SUFFIX = Pattern.compile("\\.py(?=::|/|\\.| |$)");

    private TestCaseResolver() {}

    /**
     * Resolves {@code cases} to {@code batchIds}: first by substituting {@code {name}} and {@code {classname}} into
     * {@code testIdFormat} and looking for that exact id; otherwise by the longest common suffix after normalising
     * both sides ({@code /} and {@code ::} become {@code .}, {@code .py} is dropped). The suffix counts only whole
     * segments (it starts at the beginning of a string or after a {@code .} or space), so {@code test_div[1-0]} never
     * matches {@code test_div[2-0]} through {@code -0]}. No match or a tie leaves the testcase unresolved.
     *
     * @return one combined result per id that got at least one testcase, in batch order
     */
    public static Map<String, TestCaseResult> resolve(
            List<TestCaseResult> cases, List<String> batchIds, String testIdFormat, Consumer<String> warnings) {
        Set<String> ids = new HashSet<>(batchIds);
        List<String> normalisedIds =
                batchIds.stream().map(TestCaseResolver::normalise).toList();
        Map<String, List<TestCaseResult>> byId = new LinkedHashMap<>();
        for (TestCaseResult testCase : cases) {
            String candidate = Placeholders.substitute(
                    testIdFormat, Map.of("{name}", testCase.name(), "{classname}", testCase.classname()));
            Optional<String> id = ids.contains(candidate)
                    ? Optional.of(candidate)
                    : bySuffix(candidate, batchIds, normalisedIds, warnings);
            id.ifPresent(i -> byId.computeIfAbsent(i, k -> new ArrayList<>()).add(testCase));
        }
        Map<String, TestCaseResult> resolved = new LinkedHashMap<>();
        for (String id : batchIds) {
            List<TestCaseResult> matched = byId.get(id);
            if (matched != null && !resolved.containsKey(id)) {
                resolved.put(id, combine(matched));
            }
        }
        return resolved;
    }

    private static Optional<String> bySuffix(
            String candidate, List<String> batchIds, List<String> normalisedIds, Consumer<String> warnings) {
        String normalised = normalise(candidate);
        int best = 0;
        List<String> winners = new ArrayList<>();
        for (int i = 0; i < batchIds.size(); i++) {
            int length = commonSegmentSuffix(normalised, normalisedIds.get(i));
            if (length > best) {
                best = length;
                winners.clear();
            }
            if (length == best && length > 0 && !winners.contains(batchIds.get(i))) {
                winners.add(batchIds.get(i));
            }
        }
        if (winners.size() == 1) {
            return Optional.of(winners.get(0));
        }
        if (winners.isEmpty()) {
            warnings.accept("testcase '" + candidate + "' matches no test of this batch; ignored");
        } else {
            warnings.accept("testcase '" + candidate + "' matches several tests of this batch equally ("
                    + winners.stream().map(w -> "'" + w + "'").collect(Collectors.joining(", ")) + "); ignored");
        }
        return Optional.empty();
    }

    static String normalise(String id) {
        return PY_SUFFIX.matcher(id).replaceAll("").replace("/", ".").replace("::", ".");
    }

    /** Length of the longest common suffix of {@code a} and {@code b} that starts on a segment boundary in both. */
    static int commonSegmentSuffix(String a, String b) {
        int common = 0;
        while (common < a.length()
                && common < b.length()
                && a.charAt(a.length() - 1 - common) == b.charAt(b.length() - 1 - common)) {
            common++;
        }
        for (int length = common; length > 0; length--) {
            if (startsSegment(a, a.length() - length) && startsSegment(b, b.length() - length)) {
                return length;
            }
        }
        return 0;
    }

    private static boolean startsSegment(String s, int index) {
        return index == 0 || s.charAt(index - 1) == '.' || s.charAt(index - 1) == ' ';
    }

    /** Failed if any failed, skipped only if all skipped; times summed, outputs concatenated (SPEC §7.1). */
    static TestCaseResult combine(List<TestCaseResult> matched) {
        TestCaseResult first = matched.get(0);
        if (matched.size() == 1) {
            return first;
        }
        List<TestCaseResult> failed =
                matched.stream().filter(c -> c.status() == Status.FAILED).toList();
        Status status = !failed.isEmpty()
                ? Status.FAILED
                : matched.stream().allMatch(c -> c.status() == Status.SKIPPED) ? Status.SKIPPED : Status.PASSED;
        Optional<Failure> failure = switch (status) {
            case FAILED ->
                failed.stream()
                        .map(TestCaseResult::failure)
                        .flatMap(Optional::stream)
                        .reduce(Failures::append);
            case SKIPPED -> first.failure();
            case PASSED -> Optional.empty();
        };
        double time = matched.stream().mapToDouble(TestCaseResult::timeSecs).sum();
        return new TestCaseResult(
                first.name(),
                first.classname(),
                time,
                status,
                failure,
                concat(matched, TestCaseResult::systemOut),
                concat(matched, TestCaseResult::systemErr));
    }

    private static String concat(List<TestCaseResult> matched, java.util.function.Function<TestCaseResult, String> f) {
        StringBuilder out = new StringBuilder();
        for (TestCaseResult c : matched) {
            String text = f.apply(c);
            if (text.isEmpty()) {
                continue;
            }
            if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
                out.append('\n');
            }
            out.append(text);
        }
        return out.toString();
    }
}
