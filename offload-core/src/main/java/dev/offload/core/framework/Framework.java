package dev.offload.core.framework;

import dev.offload.core.provider.SandboxUpload;
import dev.offload.core.report.JunitXmlParser;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A test framework: finds tests on the local machine, builds the command that runs one batch in a
 * sandbox, and turns the runner's result file into per-testcase results (SPEC §7). An implementation
 * holds no run state; the orchestrator calls it from several threads.
 */
public interface Framework {

    /** Discovers the tests one group selects, in the runner's order (SPEC §7.1). */
    List<DiscoveredTest> discover(DiscoveryRequest request) throws DiscoveryException, InterruptedException;

    /** The shell script and environment that run one batch inside a sandbox. */
    BatchCommand batchCommand(BatchRequest request);

    /**
     * Parses a downloaded result file into raw testcases. Resolving testcases to batch ids is common to
     * every framework and happens in {@link TestCaseResolver}.
     *
     * @throws ResultFileException when the file is empty or unparseable (an infrastructure error)
     */
    default List<TestCaseResult> readResults(Path localResultFile, BatchRequest request) throws ResultFileException {
        return JunitXmlParser.parse(localResultFile); // JUnit XML unless the framework says otherwise (vitest: JSON)
    }

    /**
     * Per-test results when a batch has no result file ({@link BatchCommand#resultPath()} empty): the default
     * framework's exit-status mode (SPEC §7.2). Frameworks that always write a result file never get here.
     */
    default List<TestCaseResult> resultsFromExitStatus(BatchRequest request, int exitStatus)
            throws ResultFileException {
        throw new ResultFileException("framework " + getClass().getSimpleName() + " produced no result file");
    }

    /**
     * For a result id that is not in the batch: the batch id it was registered under at run time, when the runner
     * reports tests discovery cannot list (junit template invocations and dynamic tests, SPEC §7.3). Such a result is
     * kept as a test of its own in the parent's group and unit. Default: none, the result is ignored with a warning.
     */
    default Optional<String> dynamicParent(String resultId, Set<String> batchIds) {
        return Optional.empty();
    }

    /**
     * For a skipped result whose id is not in the batch: the batch id whose group it joins, when the framework's
     * discovery cannot list skipped tests (vitest leaves out {@code skip}/{@code todo}, SPEC §7.2). The run reports
     * such a result once, as a SKIPPED test of its own, unless its id is a discovered test (then it is a test the
     * batch's name pattern excluded, and it is ignored). Default: none, the result is resolved as usual.
     */
    default Optional<String> unlistedSkipAnchor(String resultId, List<String> batchIds) {
        return Optional.empty();
    }

    /**
     * Called instead of {@link #discover} when the caller brings its own tests (the JUnit engine, SPEC §16.4): resolve
     * whatever batches need that discovery would have resolved. Default: nothing.
     */
    default void prepareWithoutDiscovery() throws DiscoveryException, InterruptedException {}

    /**
     * The infrastructure-error cause for a batch whose runner exited without a result file (SPEC §10.5), worded for
     * this framework; empty keeps the generic cause.
     *
     * @param runningTest the test with a streamed start event and no end event, if any: the one running at the exit
     */
    default Optional<String> exitWithoutResult(int exitStatus, Optional<String> runningTest) {
        return Optional.empty();
    }

    /** Warnings to print once when a run starts (e.g. no per-test results, no stop flag for --fail-fast). */
    default List<String> runWarnings(boolean failFast) {
        return List.of();
    }

    /**
     * Whether batches pass their ids in a file rather than on the command line, which lifts the 30,000-character cap
     * on a batch's ids (SPEC §9.2). Asked after discovery: pytest learns its runner's version there.
     */
    default boolean readsIdsFromFile() {
        return false;
    }

    /** {@code test_id_format} (SPEC §7.1). */
    String testIdFormat();

    /**
     * Files every sandbox needs before its first batch, staged once per run below {@code stagingRoot} after discovery
     * (the junit class path, SPEC §7.3); empty when batches need nothing copied.
     *
     * @throws IOException when staging failed, naming the file
     */
    default Optional<SandboxUpload> stageSandboxFiles(Path stagingRoot) throws IOException {
        return Optional.empty();
    }

    /**
     * Called once by a run whose batches run on this machine (the local provider), before discovery: starts whatever
     * makes local batches cheaper (pytest: the fork server of {@code fork_batches}). The run closes it when it ends.
     *
     * @param tempDir the run's private temp directory
     * @param workingDir where batches run
     * @param batchEnv what every batch adds to this process's environment: {@code [provider] env}, then {@code --env}
     */
    default LocalHelper startLocalHelper(Path tempDir, Path workingDir, Map<String, String> batchEnv) {
        return () -> {};
    }

    /** What {@link #startLocalHelper} started; closing it stops it. */
    interface LocalHelper extends AutoCloseable {
        @Override
        void close();
    }
}
