package dev.offload.core.framework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offload.core.config.FrameworkConfig;
import dev.offload.core.config.ShellWords;
import dev.offload.core.provider.Shell;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * pytest (SPEC §7.2): discovery through the bundled plugin's collect file, batches that run the given node ids with
 * JUnit XML whose testcase names are the full node ids.
 */
public final class PytestFramework implements Framework {
    static final String COLLECT_FILE_ENV = "OFFLOAD_PYTEST_COLLECT_FILE";
    private static final String HEREDOC_END = "OFFLOAD_PYTEST_PLUGIN_EOF";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FrameworkConfig.Pytest config;
    private final List<String> command;
    private final List<String> runArgs;

    /**
     * @throws IllegalArgumentException when {@code command} or {@code run_args} has an unclosed quote
     */
    public PytestFramework(FrameworkConfig.Pytest config) {
        this.config = config;
        this.command = split("framework.command", config.command());
        this.runArgs =
                config.runArgs().map(args -> split("framework.run_args", args)).orElse(List.of());
        if (command.isEmpty()) {
            throw new IllegalArgumentException("framework.command is empty: set it to e.g. \"python -m pytest\"");
        }
    }

    @Override
    public List<DiscoveredTest> discover(DiscoveryRequest request) throws DiscoveryException, InterruptedException {
        Path work = discoveryDir(request);
        Path collectFile = work.resolve("collected.jsonl");
        DiscoveryProcess process = new DiscoveryProcess(request, discoveryArgv(request));
        DiscoveryProcess.Output output = process.run(
                request.directory(),
                Map.of("PYTHONPATH", prependedPythonPath(work.toString()), COLLECT_FILE_ENV, collectFile.toString()));
        if (output.exitStatus() != 0 && output.exitStatus() != 5) { // 5: nothing collected
            throw process.failure(output);
        }
        List<String> ids = Files.exists(collectFile) ? readCollectFile(collectFile) : idsFromStdout(output.stdout());
        List<DiscoveredTest> tests = new ArrayList<>(ids.size());
        for (String id : ids) {
            int sep = id.indexOf("::");
            tests.add(new DiscoveredTest(id, request.group(), sep < 0 ? id : id.substring(0, sep)));
        }
        return List.copyOf(tests);
    }

    @Override
    public BatchCommand batchCommand(BatchRequest request) {
        String pluginDir = request.resultDir() + "/py";
        String result = request.resultDir() + "/batch-" + request.number() + ".xml";
        List<String> argv = new ArrayList<>(command);
        argv.addAll(List.of(
                "-p",
                PytestPlugin.MODULE,
                "--rootdir=.",
                "-v",
                "--tb=short",
                "--junitxml=" + result,
                "-o",
                "junit_logging=all",
                "-o",
                "junit_log_passing_tests=false"));
        if (request.failFast()) {
            argv.add("-x");
        }
        argv.addAll(runArgs);
        argv.add("--"); // an id starting with '-' is a test, never an option
        argv.addAll(request.ids());
        String script = pluginWriter(pluginDir)
                + "PYTHONPATH=" + Shell.quote(pluginDir) + "${PYTHONPATH:+:$PYTHONPATH}\n"
                + "export PYTHONPATH\n"
                + Shell.join(argv) + "\n";
        return new BatchCommand(script, Map.of(), Optional.empty(), Optional.of(result));
    }

    @Override
    public String testIdFormat() {
        return config.testIdFormat();
    }

    List<String> discoveryArgv(DiscoveryRequest request) throws DiscoveryException {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(List.of("--collect-only", "-q", "-p", PytestPlugin.MODULE, "--rootdir=."));
        try {
            argv.addAll(ShellWords.split(request.filters()));
        } catch (IllegalArgumentException e) {
            throw new DiscoveryException("invalid filters for group '" + request.group() + "': " + e.getMessage());
        }
        config.paths().ifPresent(argv::addAll);
        return argv;
    }

    /**
     * Shell text that writes the plugin into {@code dir}. Local slots share one result directory, so the file is
     * written under a per-process name and renamed into place: a concurrent batch never imports a half-written file.
     */
    private static String pluginWriter(String dir) {
        String target = Shell.quote(dir + "/" + PytestPlugin.FILE_NAME);
        String temp = Shell.quote(dir + "/." + PytestPlugin.FILE_NAME) + ".$$";
        return "mkdir -p " + Shell.quote(dir) + " || exit 1\n"
                + "cat > " + temp + " <<'" + HEREDOC_END + "' || exit 1\n"
                + heredocBody() + HEREDOC_END + "\n"
                + "mv -f " + temp + " " + target + " || exit 1\n";
    }

    private static String heredocBody() {
        String source = PytestPlugin.source();
        if (source.lines().anyMatch(HEREDOC_END::equals)) {
            throw new IllegalStateException("the bundled plugin contains the heredoc delimiter " + HEREDOC_END);
        }
        return source.endsWith("\n") ? source : source + "\n";
    }

    private static Path discoveryDir(DiscoveryRequest request) throws DiscoveryException {
        try {
            Files.createDirectories(request.tempDir());
            // One directory per discovery: groups are discovered concurrently.
            Path dir = Files.createTempDirectory(request.tempDir(), "pytest-discovery-");
            PytestPlugin.extractTo(dir);
            return dir;
        } catch (IOException e) {
            throw new DiscoveryException("discovery failed for group '" + request.group()
                    + "': cannot write the pytest plugin into " + request.tempDir() + ": " + e.getMessage());
        }
    }

    private static String prependedPythonPath(String dir) {
        String existing = System.getenv("PYTHONPATH");
        return existing == null || existing.isEmpty() ? dir : dir + ":" + existing;
    }

    private static List<String> readCollectFile(Path file) throws DiscoveryException {
        List<String> ids = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (!line.isBlank()) {
                    ids.add(JSON.readValue(line, String.class));
                }
            }
        } catch (JsonProcessingException e) {
            throw new DiscoveryException("unreadable pytest collect file " + file + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DiscoveryException("cannot read pytest collect file " + file + ": " + e.getMessage());
        }
        return ids;
    }

    /** Fallback when the plugin did not run (e.g. an old plugin on PYTHONPATH shadows ours). */
    static List<String> idsFromStdout(String stdout) {
        return stdout.lines()
                .map(String::strip)
                .filter(line -> line.contains("::") && !line.startsWith("<"))
                .toList();
    }

    private static List<String> split(String key, String value) {
        try {
            return ShellWords.split(value);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(key + ": " + e.getMessage(), e);
        }
    }
}
