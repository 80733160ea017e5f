package dev.offload.core.provider.docker;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import dev.offload.core.provider.OutputListener;
import dev.offload.core.provider.ProviderException;
import dev.offload.core.provider.SafeArchive;
import dev.offload.core.provider.Sandbox;
import dev.offload.core.provider.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One container of the docker provider (SPEC §8.8): batches run as exec instances, stopped by signalling the process
 * group the batch script recorded, results copied out as tar archives.
 */
final class DockerSandbox implements Sandbox {
    private final DockerClient client;
    private final String containerId;
    private final int slot;
    private final String projectRoot;
    private final String runTempDir;
    private final DockerTimings timings;
    private final Runnable onDestroyed;
    private final AtomicReference<ExecRequest> running = new AtomicReference<>();

    DockerSandbox(
            DockerClient client,
            String containerId,
            int slot,
            String projectRoot,
            String runTempDir,
            DockerTimings timings,
            Runnable onDestroyed) {
        this.client = client;
        this.containerId = containerId;
        this.slot = slot;
        this.projectRoot = projectRoot;
        this.runTempDir = runTempDir;
        this.timings = timings;
        this.onDestroyed = onDestroyed;
    }

    @Override
    public String id() {
        return containerId.length() > 12 ? containerId.substring(0, 12) : containerId;
    }

    String containerId() {
        return containerId;
    }

    @Override
    public int slot() {
        return slot;
    }

    @Override
    public String projectRoot() {
        return projectRoot;
    }

    @Override
    public String runTempDir() {
        return runTempDir;
    }

    @Override
    public ExecResult exec(ExecRequest request, OutputListener output) throws ProviderException, InterruptedException {
        if (request.stop().triggered()) {
            return new ExecResult(-1, false, true);
        }
        String execId = startExec(request, output);
        ExecOutput stream = new ExecOutput(output);
        running.set(request);
        try {
            try {
                client.execStartCmd(execId).exec(stream);
            } catch (RuntimeException e) {
                throw new ProviderException(id() + ": cannot start batch: " + e.getMessage(), e);
            }
            boolean timedOut = false;
            boolean stopped = false;
            if (!await(CompletableFuture.anyOf(stream.ended(), request.stop().future()), request.timeout())) {
                timedOut = true;
                signal(request, "INT"); // lets the runner write the results it has (SPEC §10.6)
                if (!await(stream.ended(), timings.interruptGrace())) {
                    terminate(request, stream);
                }
            } else if (!stream.ended().isDone()) {
                stopped = true;
                terminate(request, stream);
            }
            awaitEnd(stream);
            return new ExecResult(exitCode(execId), timedOut, stopped);
        } finally {
            running.compareAndSet(request, null);
            closeQuietly(stream);
        }
    }

    private String startExec(ExecRequest request, OutputListener output) throws ProviderException {
        List<String> env = request.env().entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .toList();
        String dir =
                request.workingDir().startsWith("/") ? request.workingDir() : projectRoot + "/" + request.workingDir();
        try {
            return client.execCreateCmd(containerId)
                    .withCmd("sh", "-c", "cd " + Shell.quote(dir) + " || exit 127\n" + request.script())
                    .withEnv(env)
                    .withAttachStdout(true)
                    .withAttachStderr(true)
                    .exec()
                    .getId();
        } catch (RuntimeException e) {
            throw new ProviderException(id() + ": cannot start batch: " + e.getMessage(), e);
        }
    }

    /** SIGTERM to the batch's process group, SIGKILL after the grace period (SPEC §8.8). */
    private void terminate(ExecRequest request, ExecOutput stream) throws InterruptedException {
        signal(request, "TERM");
        if (!await(stream.ended(), timings.killGrace())) {
            signal(request, "KILL");
        }
    }

    /**
     * Signals the process group named in the batch's pgid file; without one, every process of the container except
     * its init ({@code kill -1} spares pid 1 and the caller), which holds only this batch.
     */
    private void signal(ExecRequest request, String signal) {
        String group = request.pgidFile()
                .map(file -> "p=$(cat " + Shell.quote(file) + " 2>/dev/null); [ -n \"$p\" ] && kill -s " + signal
                        + " -- -\"$p\" 2>/dev/null || kill -s " + signal + " -- -1 2>/dev/null")
                .orElse("kill -s " + signal + " -- -1 2>/dev/null");
        try {
            String execId = client.execCreateCmd(containerId)
                    .withCmd("sh", "-c", group + "; exit 0")
                    .exec()
                    .getId();
            client.execStartCmd(execId)
                    .exec(new ExecOutput(OutputListener.DISCARD))
                    .awaitCompletion(10, TimeUnit.SECONDS);
        } catch (RuntimeException e) {
            // The container is gone: nothing left to signal.
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void awaitEnd(ExecOutput stream) throws ProviderException, InterruptedException {
        try {
            stream.ended().get(timings.killGrace().toMillis() + 10_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw new ProviderException(
                    id() + ": batch output failed: " + e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new ProviderException(id() + ": batch did not end after SIGKILL");
        }
    }

    private int exitCode(String execId) throws ProviderException {
        try {
            Long code = client.inspectExecCmd(execId).exec().getExitCodeLong();
            return code == null ? -1 : code.intValue();
        } catch (RuntimeException e) {
            throw new ProviderException(id() + ": cannot read the batch's exit status: " + e.getMessage(), e);
        }
    }

    /** Waits up to {@code limit}; true when the future completed (normally or not). */
    private static boolean await(CompletableFuture<?> future, Duration limit) throws InterruptedException {
        try {
            future.get(limit.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (ExecutionException e) {
            return true;
        } catch (TimeoutException e) {
            return false;
        }
    }

    @Override
    public void download(List<Transfer> transfers) throws ProviderException {
        for (Transfer transfer : transfers) {
            String remote =
                    transfer.remote().startsWith("/") ? transfer.remote() : projectRoot + "/" + transfer.remote();
            try (InputStream tar =
                    client.copyArchiveFromContainerCmd(containerId, remote).exec()) {
                SafeArchive.extractSingleFile(tar, transfer.local(), remote);
            } catch (NotFoundException e) {
                throw ProviderException.permanent(id() + ": cannot download " + remote + ": no such file");
            } catch (IOException | RuntimeException e) {
                throw new ProviderException(id() + ": cannot download " + remote + ": " + e.getMessage(), e);
            }
        }
    }

    @Override
    public void stop() {
        ExecRequest request = running.get();
        if (request != null) {
            request.stop().trigger();
        }
    }

    /** Removes the container with force; a container that is already gone is fine. */
    @Override
    public void destroy() throws ProviderException {
        stop();
        try {
            client.removeContainerCmd(containerId)
                    .withForce(true)
                    .withRemoveVolumes(true)
                    .exec();
        } catch (NotFoundException e) {
            // already gone
        } catch (RuntimeException e) {
            if (!String.valueOf(e.getMessage()).contains("already in progress")) {
                throw new ProviderException(id() + ": cannot remove container: " + e.getMessage(), e);
            }
        }
        onDestroyed.run();
    }

    private static void closeQuietly(ExecOutput stream) {
        try {
            stream.close();
        } catch (IOException e) {
            // the stream is finished either way
        }
    }

    @Override
    public String toString() {
        return "docker sandbox " + id() + " (slot " + slot + ")";
    }
}
