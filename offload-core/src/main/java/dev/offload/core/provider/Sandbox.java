package dev.offload.core.provider;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * An isolated place that runs one batch at a time (SPEC §2, §8.1). A sandbox may not share the local filesystem
 * (docker, Modal): results come back only through {@link #download}.
 */
public interface Sandbox {

    /** Provider-specific id, e.g. {@code local-3} or a container id. */
    String id();

    /** 0-based pool slot, exported as {@code OFFLOAD_SANDBOX_INDEX}. */
    int slot();

    /** Sandbox-side project root, exported as {@code OFFLOAD_ROOT}. */
    String projectRoot();

    /** Sandbox-side directory for this run's temp files (result files, plugin copies). */
    String runTempDir();

    /**
     * Runs a script and streams its output line by line. Blocks until the script ends, the timeout passes (the
     * process tree is then stopped) or {@link #stop} is called from another thread.
     *
     * @throws ProviderException when the script could not be started or the sandbox died
     */
    ExecResult exec(ExecRequest request, OutputListener output) throws ProviderException, InterruptedException;

    /** Copies sandbox-side files to local paths; a missing remote file is a {@link ProviderException}. */
    void download(List<Transfer> transfers) throws ProviderException, InterruptedException;

    /** Terminates the running script, if any (SPEC §8.1 {@code stop}); safe to call at any time. */
    void stop();

    /**
     * True when the sandbox must be destroyed and replaced before it runs another batch: providers that cannot
     * signal processes inside the sandbox (shell templates, Modal) stop a batch by abandoning its sandbox (SPEC §8.6).
     */
    default boolean needsReplacement() {
        return false;
    }

    /** Releases the sandbox; never throws for a sandbox that is already gone. */
    void destroy() throws ProviderException, InterruptedException;

    /** One file to fetch. */
    record Transfer(String remote, Path local) {}

    /**
     * @param script POSIX sh script text
     * @param workingDir sandbox-side working directory
     * @param env environment added to the sandbox's own
     * @param timeout wall-clock limit
     * @param pgidFile sandbox-side file where a {@link BatchScript}-wrapped script records its process group
     *     ({@link BatchScript#pgidFile}), so that stopping reaches processes that left the visible tree; empty for
     *     scripts that are not batches
     * @param stop stops this exec only (see {@link StopSignal})
     */
    record ExecRequest(
            String script,
            String workingDir,
            java.util.Map<String, String> env,
            Duration timeout,
            java.util.Optional<String> pgidFile,
            StopSignal stop) {
        public ExecRequest {
            env = java.util.Map.copyOf(env);
            java.util.Objects.requireNonNull(pgidFile);
            java.util.Objects.requireNonNull(stop);
        }

        /** A request that records its process group, stoppable through {@link Sandbox#stop}. */
        public ExecRequest(
                String script,
                String workingDir,
                java.util.Map<String, String> env,
                Duration timeout,
                java.util.Optional<String> pgidFile) {
            this(script, workingDir, env, timeout, pgidFile, new StopSignal());
        }

        /** A request for a script that records no process group. */
        public ExecRequest(String script, String workingDir, java.util.Map<String, String> env, Duration timeout) {
            this(script, workingDir, env, timeout, java.util.Optional.empty());
        }
    }

    /**
     * @param exitCode the script's exit status (meaningless when timed out or stopped)
     * @param timedOut the timeout passed and the script was stopped
     * @param stopped {@link #stop} ended the script
     */
    record ExecResult(int exitCode, boolean timedOut, boolean stopped) {}
}
