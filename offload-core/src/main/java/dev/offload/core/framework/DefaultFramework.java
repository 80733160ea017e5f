package dev.offload.core.framework;

import dev.offload.core.config.FrameworkConfig;
import dev.offload.core.framework.TestCaseResult.Failure;
import dev.offload.core.framework.TestCaseResult.Status;
import dev.offload.core.provider.Shell;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The shell-defined framework (SPEC §7.2 "default"): {@code discover_command} prints ids, {@code run_command} runs
 * them. Results come from {@code {result_file}} (mode a), a fixed {@code result_file} (mode b) or, with neither, the
 * batch's exit status (mode c).
 */
public final class DefaultFramework implements Framework {
    static final String FILTERS = "{filters}";
    static final String TESTS = "{tests}";
    static final String RESULT_FILE = "{result_file}";

    private final FrameworkConfig.Default config;
    private final Optional<String> workingSubdir;

    /** @param configDir the config directory, against which an absolute {@code working_dir} is made relative */
    public DefaultFramework(FrameworkConfig.Default config, Path configDir) {
        this.config = config;
        this.workingSubdir = config.workingDir().flatMap(dir -> subdir(dir, configDir));
    }

    @Override
    public List<DiscoveredTest> discover(DiscoveryRequest request) throws DiscoveryException, InterruptedException {
        // The raw filters go into the user's own shell text by design (SPEC §7.1): the user wrote both.
        String script = Placeholders.substitute(config.discoverCommand(), Map.of(FILTERS, request.filters()));
        DiscoveryProcess process = new DiscoveryProcess(request, List.of("sh", "-c", script));
        DiscoveryProcess.Output output = process.run(request.directory(), Map.of());
        if (output.exitStatus() != 0) {
            throw process.failure(output);
        }
        return output.stdout()
                .lines()
                .map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("#"))
                .map(id -> new DiscoveredTest(id, request.group(), ""))
                .toList();
    }

    @Override
    public BatchCommand batchCommand(BatchRequest request) {
        String runCommand = Placeholders.substitute(config.runCommand(), Map.of(TESTS, Shell.join(request.ids())));
        if (config.runCommand().contains(RESULT_FILE)) {
            String result = resultPath(request);
            String filled = Placeholders.substitute(
                    config.runCommand(), Map.of(TESTS, Shell.join(request.ids()), RESULT_FILE, Shell.quote(result)));
            String script = "sh -c " + Shell.quote(filled) + "\n";
            return new BatchCommand(script, Map.of(), workingSubdir, Optional.of(result));
        }
        if (config.resultFile().isPresent()) {
            return fixedResultFileCommand(
                    request, runCommand, config.resultFile().get());
        }
        return new BatchCommand("sh -c " + Shell.quote(runCommand) + "\n", Map.of(), workingSubdir, Optional.empty());
    }

    /**
     * Mode b: the runner writes {@code result_file} relative to the batch directory. The script deletes it before the
     * run and copies it to the batch's own result path after, so downloading works like the other modes and a stale
     * file from an earlier batch is never read.
     */
    private BatchCommand fixedResultFileCommand(BatchRequest request, String runCommand, String resultFile) {
        String result = resultPath(request);
        String runnerFile = Shell.quote(resultFile);
        String script = "rm -f " + runnerFile + " " + Shell.quote(result) + "\n"
                + "sh -c " + Shell.quote(runCommand) + "\n"
                + "status=$?\n"
                + "if [ -f " + runnerFile + " ]; then cp " + runnerFile + " " + Shell.quote(result) + " || exit 1; fi\n"
                + "exit $status\n";
        return new BatchCommand(script, Map.of(), workingSubdir, Optional.of(result));
    }

    @Override
    public String testIdFormat() {
        return config.testIdFormat();
    }

    /** True when neither {@code {result_file}} nor {@code result_file} is configured (mode c). */
    public boolean exitStatusMode() {
        return !config.runCommand().contains(RESULT_FILE) && config.resultFile().isEmpty();
    }

    /** The warning to print once at start in exit-status mode (SPEC §7.2 default, mode c). */
    public Optional<String> exitStatusModeWarning() {
        return exitStatusMode()
                ? Optional.of("framework 'default' has no result_file and run_command has no {result_file}: every test"
                        + " of a batch gets the batch's exit status; set result_file for per-test results")
                : Optional.empty();
    }

    /** The warning to print when {@code --fail-fast} is given: no stop flag reaches a shell-defined runner. */
    public Optional<String> failFastWarning() {
        return Optional.of("--fail-fast: framework 'default' has no stop flag, so running batches finish their"
                + " tests; only queued batches are dropped");
    }

    @Override
    public List<TestCaseResult> resultsFromExitStatus(BatchRequest request, int exitStatus) {
        return List.copyOf(exitStatusResults(request.ids(), exitStatus).values());
    }

    @Override
    public List<String> runWarnings(boolean failFast) {
        List<String> warnings = new java.util.ArrayList<>();
        exitStatusModeWarning().ifPresent(warnings::add);
        if (failFast) {
            failFastWarning().ifPresent(warnings::add);
        }
        return warnings;
    }

    /**
     * Mode c: every id of the batch gets the batch's exit status, keyed by id in batch order. Each result's name is the
     * id and its classname empty; the orchestrator uses the keys directly instead of {@code test_id_format}.
     */
    public static Map<String, TestCaseResult> exitStatusResults(List<String> ids, int exitStatus) {
        Map<String, TestCaseResult> results = new LinkedHashMap<>();
        for (String id : ids) {
            Optional<Failure> failure = exitStatus == 0
                    ? Optional.empty()
                    : Optional.of(new Failure(
                            false,
                            "offload.ExitStatus",
                            "batch exited with status " + exitStatus + "; no per-test results (set result_file)",
                            ""));
            Status status = exitStatus == 0 ? Status.PASSED : Status.FAILED;
            results.put(id, new TestCaseResult(id, "", 0, status, failure, "", ""));
        }
        return Collections.unmodifiableMap(results);
    }

    private static String resultPath(BatchRequest request) {
        return request.resultDir() + "/batch-" + request.number() + ".xml";
    }

    private static Optional<String> subdir(String workingDir, Path configDir) {
        Path dir = Path.of(workingDir);
        Path relative = (dir.isAbsolute() ? configDir.toAbsolutePath().relativize(dir) : dir).normalize();
        String text = relative.toString();
        return text.isEmpty() || text.equals(".") ? Optional.empty() : Optional.of(text);
    }
}
