package dev.offload.core.framework;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offload.core.config.FrameworkConfig;
import dev.offload.core.config.ShellWords;
import dev.offload.core.provider.BatchScript;
import dev.offload.core.provider.Shell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * pytest (SPEC §7.2): discovery through the bundled plugin's collect file, batches that run the given node ids with
 * JUnit XML whose testcase names are the full node ids.
 */
public final class PytestFramework implements Framework {
    static final String COLLECT_FILE_ENV = "OFFLOAD_PYTEST_COLLECT_FILE";
    private static final String HEREDOC_END = "OFFLOAD_PYTEST_PLUGIN_EOF";
    private static final String IDS_END = "OFFLOAD_PYTEST_IDS_EOF";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final FrameworkConfig.Pytest config;
    private final List<String> command;
    private final List<String> runArgs;
    /** Whether every discovery so far reported pytest ≥ 8.2 (null before the first): SPEC §9.2 id files. */
    private final AtomicReference<Boolean> idFiles = new AtomicReference<>();
    /** False when batches run elsewhere (a container, a remote host), whose pytest discovery cannot see. */
    private final boolean idFilesAllowed;
    /** What local batches add to the environment: the held discovery gets it too, so its session is theirs. */
    private volatile Map<String, String> localBatchEnv = Map.of();
    /** The run's fork server ({@code fork_batches}), once {@link #startLocalHelper} started one. */
    private final AtomicReference<PytestForkServer> forkServer = new AtomicReference<>();

    /**
     * @throws IllegalArgumentException when {@code command} or {@code run_args} has an unclosed quote
     */
    public PytestFramework(FrameworkConfig.Pytest config) {
        this(config, true);
    }

    /**
     * @param idFilesAllowed whether batches run with the pytest discovery ran (SPEC §9.2 id files need ≥ 8.2 there)
     * @throws IllegalArgumentException when {@code command} or {@code run_args} has an unclosed quote
     */
    public PytestFramework(FrameworkConfig.Pytest config, boolean idFilesAllowed) {
        this.idFilesAllowed = idFilesAllowed;
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
        Map<String, String> env =
                Map.of("PYTHONPATH", prependedPythonPath(work.toString()), COLLECT_FILE_ENV, collectFile.toString());
        PytestForkServer server = forkServer.get();
        Optional<Map<String, String>> hold = server == null || distributes(runArgs) || distributes(command)
                ? Optional.empty()
                : server.claimHold(clientOptions());
        DiscoveryProcess.Output output = null;
        if (hold.isPresent()) {
            output = heldDiscovery(request, work, server, env, hold.get());
        }
        List<String> argv = discoveryArgv(request);
        // Not held, or it failed or found nothing (e.g. run_args hand collection to pytest-xdist's workers): pytest's
        // own collect-only runs and reports, as without it.
        if (output == null || !collectedAny(collectFile)) {
            DiscoveryProcess process = server == null
                    ? new DiscoveryProcess(request, argv)
                    // forked like the batches: pytest is imported once per run
                    : new DiscoveryProcess(request, server.clientArgv(pytestArgs(argv))).showing(argv);
            output = process.run(request.directory(), env);
            if (output.exitStatus() != 0 && output.exitStatus() != 5) { // 5: nothing collected
                throw process.failure(output);
            }
        }
        List<String> ids = new ArrayList<>();
        Optional<PytestVersion> version = Optional.empty();
        if (Files.exists(collectFile)) {
            version = readCollectFile(collectFile, ids);
        } else {
            ids.addAll(idsFromStdout(output.stdout()));
        }
        boolean fromFile =
                version.map(v -> v.atLeast(PytestVersion.ARGS_FROM_FILE)).orElse(false);
        idFiles.accumulateAndGet(fromFile, (all, one) -> all == null ? one : all && one);
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
        // The held session's fixed part (batchOptions), then what varies per batch: --junitxml, -x, the ids.
        argv.addAll(batchOptions());
        argv.add("--junitxml=" + result);
        if (request.failFast()) {
            argv.add("-x");
        }
        argv.add("--"); // an id starting with '-' is a test, never an option (pytest expands @file after it too)
        String idsWriter = "";
        if (readsIdsFromFile() && IdsFile.canHold(request.ids())) {
            String idsFile = request.resultDir() + "/batch-" + request.number() + ".ids";
            idsWriter = IdsFile.writer(idsFile, request.ids(), IDS_END);
            argv.add("@" + idsFile);
        } else {
            argv.addAll(request.ids());
        }
        PytestForkServer server = forkServer.get();
        String run = server == null
                ? Shell.join(argv)
                : server.batchLine(pytestArgs(argv), BatchScript.pgidFile(request.resultDir(), request.number()));
        String script = pluginWriter(pluginDir)
                + idsWriter
                + "PYTHONPATH=" + Shell.quote(pluginDir) + "${PYTHONPATH:+:$PYTHONPATH}\n"
                + "export PYTHONPATH\n"
                + run + "\n";
        return new BatchCommand(script, Map.of(), Optional.empty(), Optional.of(result));
    }

    /**
     * Starts the fork server when {@code fork_batches} is on and {@code command} is {@code <python> -m pytest}; it
     * imports pytest while discovery runs. Without it (off, another command, or it failed to start) batches start
     * their own interpreter.
     */
    @Override
    public LocalHelper startLocalHelper(Path tempDir, Path workingDir, Map<String, String> batchEnv) {
        if (!config.forkBatches() || !idFilesAllowed) {
            return () -> {};
        }
        Optional<PytestForkServer> started = PytestForkServer.python(command)
                .flatMap(python -> PytestForkServer.start(python, tempDir.resolve("pytest-fork"), workingDir));
        if (started.isEmpty()) {
            return () -> {};
        }
        forkServer.set(started.get());
        localBatchEnv = Map.copyOf(batchEnv);
        return () -> {
            forkServer.set(null);
            started.get().close();
        };
    }

    /** True once discovery found pytest ≥ 8.2 in every group: batches then read their ids from an {@code @file}. */
    @Override
    public boolean readsIdsFromFile() {
        return idFilesAllowed && Boolean.TRUE.equals(idFiles.get());
    }

    @Override
    public String testIdFormat() {
        return config.testIdFormat();
    }

    /** What follows {@code <python> -m pytest} in {@code argv}: the fork server's client passes it to pytest. */
    private static List<String> pytestArgs(List<String> argv) {
        return argv.subList(PytestForkServer.PYTHON_M_PYTEST, argv.size());
    }

    /** A batch's options as its client passes them: {@code command}'s own pytest options, then {@link #batchOptions}. */
    private List<String> clientOptions() {
        List<String> options = new ArrayList<>(command.subList(PytestForkServer.PYTHON_M_PYTEST, command.size()));
        options.addAll(batchOptions());
        return options;
    }

    /** pytest-xdist options: its workers collect, so a session collected in discovery has nothing to hand on. */
    private static boolean distributes(List<String> args) {
        return args.stream()
                .anyMatch(a -> a.startsWith("-n")
                        || a.startsWith("--numprocesses")
                        || a.startsWith("--dist")
                        || a.startsWith("--tx")
                        || a.equals("-d"));
    }

    /** Every batch's options but {@code --junitxml}, {@code -x} and the ids: {@code run_args} last, so they win. */
    private List<String> batchOptions() {
        List<String> options = new ArrayList<>(List.of(
                "-p",
                PytestPlugin.MODULE,
                "--rootdir=.",
                "-v",
                "--tb=short",
                "-o",
                "junit_logging=all",
                "-o",
                "junit_log_passing_tests=false"));
        options.addAll(runArgs);
        return options;
    }

    /**
     * Discovery with the batches' options that keeps its collected session for them ({@code offload_pytest_held.py});
     * null when it failed (then pytest's own collect-only runs and reports why, as without it).
     */
    private DiscoveryProcess.Output heldDiscovery(
            DiscoveryRequest request,
            Path work,
            PytestForkServer server,
            Map<String, String> env,
            Map<String, String> hold)
            throws DiscoveryException, InterruptedException {
        List<String> args = new ArrayList<>(clientOptions());
        args.add("--junitxml=" + work.resolve("held.xml")); // never written: each batch names its own
        args.addAll(filterWords(request));
        config.paths().ifPresent(args::addAll);
        // As in a batch: its environment, then Offload's plugin directory before its PYTHONPATH.
        Map<String, String> heldEnv = new HashMap<>(localBatchEnv);
        heldEnv.putAll(env);
        heldEnv.put("PYTHONPATH", prependedPythonPath(work.toString(), localBatchEnv));
        heldEnv.putAll(hold);
        DiscoveryProcess.Output output =
                new DiscoveryProcess(request, server.clientArgv(args)).run(request.directory(), heldEnv);
        server.discoveryEnded();
        return output.exitStatus() == 0 || output.exitStatus() == 5 ? output : null;
    }

    List<String> discoveryArgv(DiscoveryRequest request) throws DiscoveryException {
        List<String> argv = new ArrayList<>(command);
        argv.addAll(List.of("--collect-only", "-q", "-p", PytestPlugin.MODULE, "--rootdir=."));
        argv.addAll(filterWords(request));
        config.paths().ifPresent(argv::addAll);
        return argv;
    }

    private static List<String> filterWords(DiscoveryRequest request) throws DiscoveryException {
        try {
            return ShellWords.split(request.filters());
        } catch (IllegalArgumentException e) {
            throw new DiscoveryException("invalid filters for group '" + request.group() + "': " + e.getMessage());
        }
    }

    private static boolean collectedAny(Path collectFile) throws DiscoveryException {
        try (var lines = Files.lines(collectFile, StandardCharsets.UTF_8)) {
            return lines.limit(2).count() > 1; // the version line, then ids
        } catch (NoSuchFileException e) {
            return false;
        } catch (IOException | UncheckedIOException e) {
            throw new DiscoveryException("cannot read pytest collect file " + collectFile + ": " + e.getMessage());
        }
    }

    private static String pluginWriter(String dir) {
        return SandboxFileWriter.write(dir, PytestPlugin.FILE_NAME, PytestPlugin.source(), HEREDOC_END);
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
        return prependedPythonPath(dir, Map.of());
    }

    private static String prependedPythonPath(String dir, Map<String, String> env) {
        String existing = env.getOrDefault("PYTHONPATH", System.getenv("PYTHONPATH"));
        return existing == null || existing.isEmpty() ? dir : dir + ":" + existing;
    }

    /** Reads the ids into {@code ids}; returns the pytest version from the plugin's first line, if any. */
    private static Optional<PytestVersion> readCollectFile(Path file, List<String> ids) throws DiscoveryException {
        Optional<PytestVersion> version = Optional.empty();
        try {
            for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
                if (line.startsWith("{")) {
                    JsonNode meta = JSON.readTree(line);
                    version = Optional.ofNullable(meta.get("pytest_version"))
                            .map(JsonNode::asText)
                            .map(PytestVersion::parse);
                } else if (!line.isBlank()) {
                    ids.add(JSON.readValue(line, String.class));
                }
            }
        } catch (JsonProcessingException e) {
            throw new DiscoveryException("unreadable pytest collect file " + file + ": " + e.getOriginalMessage());
        } catch (IOException e) {
            throw new DiscoveryException("cannot read pytest collect file " + file + ": " + e.getMessage());
        }
        return version;
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
