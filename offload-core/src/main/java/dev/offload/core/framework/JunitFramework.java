package dev.offload.core.framework;

import dev.offload.core.config.FrameworkConfig;
import dev.offload.core.config.JunitFilters;
import dev.offload.core.config.ShellWords;
import dev.offload.core.provider.SandboxUpload;
import dev.offload.core.provider.Shell;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * JUnit Platform (SPEC §7.3): in-process discovery with the project's own JUnit, batches that run the offload runner
 * in a fresh JVM over exact UniqueIds, Surefire-dialect results whose {@code name} is the UniqueId.
 */
public final class JunitFramework implements Framework {
    /** The staged class path's directory, below the staging root locally and the run temp dir in sandboxes. */
    static final String STAGED_DIR = "classpath";

    /**
     * Options for batch JVMs when {@code jvm_args} is empty: a batch JVM is short-lived and one of many on the
     * machine, where the serial collector starts cheapest (docs/junit.md has the measurements).
     */
    static final List<String> DEFAULT_JVM_ARGS = List.of("-XX:+UseSerialGC");

    private final FrameworkConfig.Junit config;
    private final Path configDir;
    private final List<String> jvmArgs;
    private final boolean batchesShareThisFilesystem;
    private final Path cdsCacheDir;
    private List<Path> classpath; // resolved once, at the first discovery (classpath_command may be slow)
    private ClasspathStaging.Staged staged; // set when the class path is shipped into sandboxes (SPEC §7.3)
    private Optional<JunitCds> cds = Optional.empty();

    /**
     * @throws IllegalArgumentException when {@code jvm_args} has an unclosed quote
     */
    public JunitFramework(FrameworkConfig.Junit config, Path configDir) {
        this(config, configDir, true);
    }

    /**
     * @param batchesShareThisFilesystem whether batches see this machine's files (the local provider); otherwise the
     *     class path is staged and shipped into each sandbox unless {@code sandbox_classpath} is set
     * @throws IllegalArgumentException when {@code jvm_args} has an unclosed quote
     */
    public JunitFramework(FrameworkConfig.Junit config, Path configDir, boolean batchesShareThisFilesystem) {
        this(config, configDir, batchesShareThisFilesystem, JunitCds.defaultCacheDir());
    }

    /** @param cdsCacheDir where class-data-sharing archives are kept across runs */
    public JunitFramework(FrameworkConfig.Junit config, Path configDir, Path cdsCacheDir) {
        this(config, configDir, true, cdsCacheDir);
    }

    private JunitFramework(
            FrameworkConfig.Junit config, Path configDir, boolean batchesShareThisFilesystem, Path cdsCacheDir) {
        this.config = config;
        this.configDir = configDir;
        this.batchesShareThisFilesystem = batchesShareThisFilesystem;
        this.cdsCacheDir = cdsCacheDir;
        try {
            List<String> words = ShellWords.split(config.jvmArgs());
            this.jvmArgs = words.isEmpty() ? DEFAULT_JVM_ARGS : words;
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("framework.jvm_args: " + e.getMessage(), e);
        }
    }

    @Override
    public List<DiscoveredTest> discover(DiscoveryRequest request) throws DiscoveryException, InterruptedException {
        List<String> args = new ArrayList<>();
        for (String dir : config.testDirs().orElse(List.of())) {
            args.add("--scan-classpath");
            args.add(configDir.resolve(dir).toString());
        }
        try {
            args.addAll(JunitFilters.parse(request.filters()));
        } catch (IllegalArgumentException e) {
            throw new DiscoveryException("invalid filters for group '" + request.group() + "': " + e.getMessage());
        }
        String json = JunitDiscovery.run(request.group(), classpath(), args);
        return JunitDiscovery.tests(json, request.group(), config.granularity());
    }

    /** The JUnit engine brings its own tests; batches still need the resolved classpath. */
    @Override
    public void prepareWithoutDiscovery() throws DiscoveryException, InterruptedException {
        classpath();
    }

    @Override
    public BatchCommand batchCommand(BatchRequest request) {
        String base = request.resultDir() + "/batch-" + request.number();
        String result = base + ".xml";
        String ids = base + ".ids";
        List<String> argv = new ArrayList<>();
        argv.add(config.java());
        argv.addAll(jvmArgs);
        argv.addAll(cdsArgs());
        argv.addAll(
                List.of("-cp", batchClasspath(request.resultDir()), JunitClasspath.RUNNER_CLASS, "--result", result));
        argv.addAll(List.of("--event-token", request.eventToken()));
        if (request.failFast()) {
            argv.add("--fail-fast");
        }
        argv.addAll(List.of("--ids", ids));
        StringBuilder script = new StringBuilder();
        script.append("mkdir -p ").append(Shell.quote(request.resultDir())).append(" || exit 1\n");
        // printf is a shell builtin: no argument-length limit, and every id stays one quoted word (SPEC §17.4).
        script.append("printf '%s\\n'");
        request.ids().forEach(id -> script.append(' ').append(Shell.quote(id)));
        script.append(" > ").append(Shell.quote(ids)).append(" || exit 1\n");
        script.append(Shell.join(argv)).append('\n');
        return new BatchCommand(script.toString(), Map.of(), Optional.empty(), Optional.of(result));
    }

    /** The runner reads its ids from {@code --ids <file>} (SPEC §9.2): no 30,000-character cap. */
    @Override
    public boolean readsIdsFromFile() {
        return true;
    }

    /**
     * An invocation of a template or factory belongs to the batch id of its template: a UniqueId prefix. A class that
     * failed after its tests ran (an {@code @AfterAll}) is reported by the runner under its own id, as Surefire
     * reports it: a test of its own, registered under the first of its tests in the batch.
     */
    @Override
    public Optional<String> dynamicParent(String resultId, Set<String> batchIds) {
        for (int cut = resultId.lastIndexOf("/["); cut > 0; cut = resultId.lastIndexOf("/[", cut - 1)) {
            String prefix = resultId.substring(0, cut);
            if (batchIds.contains(prefix)) {
                return Optional.of(prefix);
            }
        }
        String children = resultId + "/";
        return batchIds.stream().filter(id -> id.startsWith(children)).min(String::compareTo);
    }

    /** A batch JVM that exited early: {@code System.exit} in a test, a fatal JVM error, or a kill (SPEC §10.5). */
    @Override
    public Optional<String> exitWithoutResult(int exitStatus, Optional<String> runningTest) {
        if (exitStatus == 0) {
            return Optional.empty(); // the JVM finished: the file went missing on the way (a download)
        }
        String how = exitStatus > 128
                ? "was killed (exit status " + exitStatus + ", signal " + (exitStatus - 128) + ")"
                : "exited with status " + exitStatus;
        return Optional.of(runningTest
                .map(id -> "the batch JVM " + how + " while " + id
                        + " was running (System.exit in the test, or a fatal JVM error); it wrote no result file")
                .orElse("the batch JVM " + how + " before writing its result file (no test was running)"));
    }

    @Override
    public String testIdFormat() {
        return "{name}";
    }

    private synchronized List<Path> classpath() throws DiscoveryException, InterruptedException {
        if (classpath == null) {
            classpath = JunitClasspath.withRunner(JunitClasspath.projectEntries(config, configDir));
            if (usesCds()) {
                // The first batch makes the archive when it is missing (JunitCds).
                cds = JunitCds.plan(config.java(), jvmArgs, classpath, cdsCacheDir);
            }
        }
        return classpath;
    }

    /**
     * Stages the class path for sandboxes on another filesystem (SPEC §7.3), once per run: the sandbox gets the staged
     * files at {@code <run temp dir>/classpath/} and batches name them there.
     */
    @Override
    public synchronized Optional<SandboxUpload> stageSandboxFiles(Path stagingRoot) throws IOException {
        if (batchesShareThisFilesystem || config.sandboxClasspath().isPresent()) {
            return Optional.empty();
        }
        if (classpath == null) {
            throw new IllegalStateException("junit class path staged before discovery");
        }
        if (staged == null) {
            staged = ClasspathStaging.stage(classpath, stagingRoot.resolve(STAGED_DIR));
        }
        return Optional.of(new SandboxUpload(staged.dir(), STAGED_DIR));
    }

    /** What {@link #stageSandboxFiles} staged, if it did. */
    public synchronized Optional<ClasspathStaging.Staged> staged() {
        return Optional.ofNullable(staged);
    }

    /**
     * Class-data sharing is for batches on this machine's class path, and stays out of the way of a user's own
     * {@code -Xshare} or archive options in {@code jvm_args}.
     */
    private boolean usesCds() {
        return batchesShareThisFilesystem
                && config.sandboxClasspath().isEmpty()
                && jvmArgs.stream()
                        .noneMatch(a -> a.startsWith("-Xshare")
                                || a.contains("SharedArchiveFile")
                                || a.contains("ArchiveClassesAtExit"));
    }

    private List<String> cdsArgs() {
        Optional<JunitCds> planned;
        synchronized (this) {
            planned = cds;
        }
        try {
            return planned.isPresent() ? planned.get().jvmArgs() : List.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // a cancelled run: the batch is stopped before it starts
            return List.of();
        }
    }

    /**
     * {@code sandbox_classpath} verbatim, else the staged files where the sandbox received them, else the local class
     * path (the local provider shares this filesystem).
     */
    private synchronized String batchClasspath(String sandboxRunTempDir) {
        if (config.sandboxClasspath().isPresent()) {
            return config.sandboxClasspath().get();
        }
        if (staged != null) {
            String dir = new SandboxUpload(staged.dir(), STAGED_DIR).remoteDir(sandboxRunTempDir);
            return String.join(
                    ":", staged.names().stream().map(name -> dir + "/" + name).toList());
        }
        if (classpath == null) {
            throw new IllegalStateException("junit batch before discovery");
        }
        return JunitClasspath.join(cds.map(JunitCds::classpath).orElse(classpath));
    }
}
