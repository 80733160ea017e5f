package dev.offload.core.framework;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offload.core.framework.TestCaseResult.Failure;
import dev.offload.core.framework.TestCaseResult.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Converts vitest's JSON report ({@code testResults[].assertionResults[]}) into testcases (SPEC §7.2 vitest).
 *
 * <p>The report names files by absolute sandbox paths, but classnames must be relative to the sandbox's
 * {@code OFFLOAD_ROOT} (SPEC §18: the original relativized against the local directory). The root is inferred from the
 * report itself: the batch's files are relative to {@code OFFLOAD_ROOT} (directory correspondence, §7.1), so every
 * reported path ending in {@code /<batch file>} yields a candidate root, and the shortest candidate is the root (another
 * file that merely ends like a batch file lies deeper). This also holds when vitest reports resolved symlinks.
 */
final class VitestJsonReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private VitestJsonReport() {}

    static List<TestCaseResult> read(Path file, List<String> batchIds) throws ResultFileException {
        JsonNode report = parse(file);
        JsonNode files = report.path("testResults");
        if (!files.isArray()) {
            throw new ResultFileException("vitest JSON report " + file + " has no testResults array");
        }
        Set<String> ids = new LinkedHashSet<>(batchIds);
        Set<String> batchFiles = new LinkedHashSet<>();
        batchIds.forEach(id -> batchFiles.add(VitestNamePattern.fileOf(id)));
        Optional<String> root = inferRoot(files, batchFiles);
        List<TestCaseResult> results = new ArrayList<>();
        for (JsonNode fileResult : files) {
            String classname = relative(fileResult.path("name").asText(), root);
            boolean batchFile = batchFiles.contains(classname);
            List<Entry> cases = convertFile(fileResult, classname);
            for (Entry entry : cases) {
                TestCaseResult result = entry.result();
                // The name pattern reports a batch file's other tests as skipped: they are not this batch's business.
                // A skip/todo that never ran is passed on all the same: vitest does not list those, and the run
                // reports the ones that are no discovered test (SPEC §7.2).
                if (!batchFile
                        || ids.contains(classname + VitestNamePattern.SEPARATOR + result.name())
                        || (!entry.ran() && result.status() == Status.SKIPPED)) {
                    results.add(result);
                }
            }
            if (batchFile && cases.isEmpty()) {
                results.addAll(fileErrors(fileResult, classname, ids));
            }
        }
        return List.copyOf(results);
    }

    private static JsonNode parse(Path file) throws ResultFileException {
        try {
            ResultFileSize.check(file);
            if (Files.size(file) == 0) {
                throw new ResultFileException("result file is empty: " + file);
            }
            return JSON.readTree(file.toFile());
        } catch (NoSuchFileException e) {
            throw new ResultFileException("result file missing: " + file);
        } catch (IOException e) {
            throw new ResultFileException("unreadable vitest JSON report " + file + ": " + e.getMessage(), e);
        }
    }

    static Optional<String> inferRoot(JsonNode files, Set<String> batchFiles) {
        Optional<String> root = Optional.empty();
        for (JsonNode fileResult : files) {
            String path = fileResult.path("name").asText();
            for (String batchFile : batchFiles) {
                if (!batchFile.startsWith("/") && path.endsWith("/" + batchFile)) {
                    String candidate = path.substring(0, path.length() - batchFile.length() - 1);
                    if (root.isEmpty() || candidate.length() < root.get().length()) {
                        root = Optional.of(candidate);
                    }
                }
            }
        }
        return root;
    }

    private static String relative(String path, Optional<String> root) {
        if (root.isPresent() && path.startsWith(root.get() + "/")) {
            return path.substring(root.get().length() + 1);
        }
        return path;
    }

    /** A converted assertion result, and whether the test ran (rather than being excluded, skipped or cut off). */
    private record Entry(TestCaseResult result, boolean ran) {}

    /**
     * Converts a file's results, naming the k-th of a repeated name {@code <name> [#k]} as discovery does (SPEC §7.2).
     * Tests that ran are numbered first, in order: they are the listed ones, since the name pattern runs every listing
     * of a name. Those that did not run (excluded by the pattern, skip, todo) are numbered after them, so a skipped
     * repeat never takes a listed test's id.
     */
    private static List<Entry> convertFile(JsonNode fileResult, String classname) {
        List<JsonNode> assertions = new ArrayList<>();
        fileResult.path("assertionResults").forEach(assertions::add);
        Map<String, Integer> ranByName = new HashMap<>();
        assertions.stream().filter(VitestJsonReport::ran).forEach(a -> ranByName.merge(nameOf(a), 1, Integer::sum));
        Map<String, Integer> ranSeen = new HashMap<>();
        Map<String, Integer> notRunSeen = new HashMap<>();
        List<Entry> cases = new ArrayList<>();
        for (JsonNode assertion : assertions) {
            String name = nameOf(assertion);
            boolean ran = ran(assertion);
            int k = ran
                    ? ranSeen.merge(name, 1, Integer::sum)
                    : ranByName.getOrDefault(name, 0) + notRunSeen.merge(name, 1, Integer::sum);
            convert(assertion, classname, VitestNamePattern.repeated(name, k))
                    .ifPresent(result -> cases.add(new Entry(result, ran)));
        }
        return cases;
    }

    /** Suite titles and title joined by {@code " > "}. */
    private static String nameOf(JsonNode assertion) {
        List<String> titles = new ArrayList<>();
        assertion.path("ancestorTitles").forEach(title -> titles.add(title.asText()));
        titles.add(assertion.path("title").asText());
        return String.join(VitestNamePattern.SEPARATOR, titles);
    }

    /**
     * vitest gives a duration to every test that ran (a skip decided inside the test too) and none to a test it did not
     * run (checked with vitest 3.2); a pass or failure ran in any case.
     */
    private static boolean ran(JsonNode assertion) {
        String status = assertion.path("status").asText();
        return assertion.hasNonNull("duration") || "passed".equals(status) || "failed".equals(status);
    }

    static Optional<TestCaseResult> convert(JsonNode assertion, String classname, String name) {
        double time = assertion.path("duration").asDouble(0) / 1000.0;
        String status = assertion.path("status").asText();
        return switch (status) {
            case "passed" -> Optional.of(testCase(name, classname, time, Status.PASSED, Optional.empty()));
            case "failed" ->
                Optional.of(testCase(name, classname, time, Status.FAILED, Optional.of(failure(assertion))));
            case "skipped", "todo", "disabled" ->
                Optional.of(testCase(name, classname, time, Status.SKIPPED, Optional.empty()));
            default -> Optional.empty(); // "pending": never ran (e.g. cut off by --bail), a missing result
        };
    }

    /**
     * A batch file that failed before reporting any test (syntax error, failing import) fails each of the batch's
     * tests in it with the file's message, instead of leaving them missing and re-queued for nothing.
     */
    private static List<TestCaseResult> fileErrors(JsonNode fileResult, String classname, Set<String> ids) {
        String message = fileResult.path("message").asText("");
        if (!"failed".equals(fileResult.path("status").asText()) || message.isBlank()) {
            return List.of();
        }
        String prefix = classname + VitestNamePattern.SEPARATOR;
        Failure failure = new Failure(false, "", firstLine(message), message);
        return ids.stream()
                .filter(id -> id.startsWith(prefix))
                .map(id -> testCase(id.substring(prefix.length()), classname, 0, Status.FAILED, Optional.of(failure)))
                .toList();
    }

    private static Failure failure(JsonNode assertion) {
        List<String> messages = new ArrayList<>();
        assertion.path("failureMessages").forEach(m -> messages.add(m.asText()));
        String first = messages.isEmpty() ? "test failed" : messages.get(0);
        return new Failure(false, "", firstLine(first), first);
    }

    private static String firstLine(String text) {
        String stripped = text.strip();
        int newline = stripped.indexOf('\n');
        return newline < 0 ? stripped : stripped.substring(0, newline).strip();
    }

    private static TestCaseResult testCase(
            String name, String classname, double time, Status status, Optional<Failure> failure) {
        return new TestCaseResult(name, classname, time, status, failure, "", "");
    }
}
