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
import java.util.LinkedHashSet;
import java.util.List;
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
            List<TestCaseResult> cases = convertFile(fileResult, classname);
            for (TestCaseResult result : cases) {
                // The name pattern reports a batch file's other tests as skipped: they are not this batch's business.
                if (!batchFile || ids.contains(classname + VitestNamePattern.SEPARATOR + result.name())) {
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

    private static List<TestCaseResult> convertFile(JsonNode fileResult, String classname) {
        List<TestCaseResult> cases = new ArrayList<>();
        for (JsonNode assertion : fileResult.path("assertionResults")) {
            convert(assertion, classname).ifPresent(cases::add);
        }
        return cases;
    }

    static Optional<TestCaseResult> convert(JsonNode assertion, String classname) {
        List<String> titles = new ArrayList<>();
        assertion.path("ancestorTitles").forEach(title -> titles.add(title.asText()));
        titles.add(assertion.path("title").asText());
        String name = String.join(VitestNamePattern.SEPARATOR, titles);
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
