package dev.offload.core.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

/** Slot {@code i} of the local provider: batches are child processes of this JVM (SPEC §8.5). */
final class LocalSandbox implements Sandbox {
    /** How often descendants are recorded while a batch runs, so that orphaned ones can still be stopped. */
    private static final long SNAPSHOT_NANOS = TimeUnit.SECONDS.toNanos(1);

    /** How long exec waits for the output pipes to close once every process of the batch is gone. */
    private static final Duration DRAIN_LIMIT = Duration.ofSeconds(5);

    /**
     * Started under {@code setsid}, the shell leads a new process group that holds everything it starts, so even a
     * background process orphaned before any snapshot is found; it also keeps a terminal's Ctrl-C from reaching
     * batches directly, leaving their teardown to Offload. {@code setsid} does not fork here because a freshly
     * started child is never a group leader, so the shell keeps the pid the JDK reports.
     */
    private static final Optional<Path> SETSID = Executables.find("setsid");

    private final int slot;
    private final LocalSettings settings;
    private final Duration grace;
    private final Duration interruptGrace;
    private final LiveProcesses live;
    private final AtomicReference<Running> running = new AtomicReference<>();

    /** The batch in progress and the signal {@link #stop} completes. */
    private record Running(Process process, ProcessTree tree, StopSignal stopSignal) {}

    private enum Ending {
        EXITED,
        TIMED_OUT,
        STOPPED
    }

    LocalSandbox(int slot, LocalSettings settings, Duration grace, Duration interruptGrace, LiveProcesses live) {
        this.slot = slot;
        this.settings = settings;
        this.grace = grace;
        this.interruptGrace = interruptGrace;
        this.live = live;
    }

    @Override
    public String id() {
        return "local-" + slot;
    }

    @Override
    public int slot() {
        return slot;
    }

    @Override
    public String projectRoot() {
        return settings.projectRoot();
    }

    @Override
    public String runTempDir() {
        return settings.runTempDir().toString();
    }

    @Override
    public ExecResult exec(ExecRequest request, OutputListener output) throws ProviderException, InterruptedException {
        if (request.stop().triggered()) {
            return new ExecResult(-1, false, true); // stopped before it started: nothing to run
        }
        Instant started = Instant.now();
        Path workingDir = settings.workingDir().resolve(request.workingDir());
        Optional<Path> pgidFile = request.pgidFile().map(workingDir::resolve);
        Running batch = live.start(
                () -> {
                    Process process = start(request);
                    OptionalLong ownGroup = SETSID.isPresent() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
                    var tree = new ProcessTree(process.toHandle(), ownGroup, pgidFile, started);
                    return new Running(process, tree, request.stop());
                },
                Running::tree);
        Process process = batch.process();
        ProcessTree tree = batch.tree();
        running.set(batch);
        LineStreamer out = LineStreamer.start(process.getInputStream(), output::stdout, id() + "-stdout");
        LineStreamer err = LineStreamer.start(process.getErrorStream(), output::stderr, id() + "-stderr");
        Ending ending;
        try {
            ending = await(process, batch, request.timeout());
            if (ending == Ending.TIMED_OUT) {
                tree.interrupt(interruptGrace); // lets the runner write the results it has (SPEC §10.6)
            }
        } finally {
            // Also after a normal exit: background processes of the batch must not outlive it.
            tree.kill(grace);
            running.compareAndSet(batch, null);
            live.remove(tree);
            out.await(DRAIN_LIMIT);
            err.await(DRAIN_LIMIT);
        }
        int exitCode = process.isAlive() ? -1 : process.exitValue();
        return new ExecResult(exitCode, ending == Ending.TIMED_OUT, ending == Ending.STOPPED);
    }

    private Process start(ExecRequest request) throws ProviderException {
        Path dir = settings.workingDir().resolve(request.workingDir());
        if (!Files.isDirectory(dir)) {
            throw new ProviderException(id() + ": cannot run batch: working directory " + dir + " does not exist");
        }
        if (Executables.find(settings.shell()).isEmpty()) {
            throw new ProviderException(id() + ": cannot run batch: shell " + settings.shell() + " not found");
        }
        List<String> command = new ArrayList<>();
        SETSID.ifPresent(setsid -> command.add(setsid.toString()));
        command.addAll(List.of(settings.shell(), "-c", request.script()));
        ProcessBuilder builder = new ProcessBuilder(command).directory(dir.toFile());
        builder.environment().putAll(settings.env());
        builder.environment().putAll(request.env());
        try {
            Process process = builder.start();
            process.getOutputStream().close();
            return process;
        } catch (IOException e) {
            throw new ProviderException(id() + ": cannot start " + settings.shell() + ": " + e.getMessage(), e);
        }
    }

    /** Waits for the script to end, the timeout to pass or {@link #stop}, recording descendants meanwhile. */
    private static Ending await(Process process, Running batch, Duration timeout) throws InterruptedException {
        CompletableFuture<Object> ended =
                CompletableFuture.anyOf(process.onExit(), batch.stopSignal().future());
        long deadline = System.nanoTime() + timeout.toNanos();
        batch.tree().snapshot();
        while (true) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return Ending.TIMED_OUT;
            }
            try {
                ended.get(Math.min(left, SNAPSHOT_NANOS), TimeUnit.NANOSECONDS);
                return process.isAlive() ? Ending.STOPPED : Ending.EXITED;
            } catch (TimeoutException e) {
                batch.tree().snapshot();
            } catch (ExecutionException e) {
                throw new IllegalStateException("process exit future failed", e);
            }
        }
    }

    @Override
    public void download(List<Transfer> transfers) throws ProviderException {
        for (Transfer transfer : transfers) {
            Path source = Path.of(settings.projectRoot()).resolve(transfer.remote());
            if (!Files.isRegularFile(source)) {
                throw ProviderException.permanent(id() + ": cannot download " + transfer.remote() + ": no such file");
            }
            try {
                Path parent = transfer.local().toAbsolutePath().getParent();
                Files.createDirectories(parent);
                if (!Files.exists(transfer.local()) || !Files.isSameFile(source, transfer.local())) {
                    Files.copy(source, transfer.local(), StandardCopyOption.REPLACE_EXISTING);
                }
            } catch (IOException e) {
                throw new ProviderException(
                        id() + ": cannot download " + transfer.remote() + " to " + transfer.local() + ": " + e, e);
            }
        }
    }

    @Override
    public void stop() {
        Running batch = running.get();
        if (batch != null) {
            batch.stopSignal().trigger();
        }
    }

    /** Stops the running batch and waits until its processes are gone. */
    @Override
    public void destroy() {
        Running batch = running.get();
        if (batch != null) {
            batch.stopSignal().trigger();
            batch.tree().kill(grace);
        }
    }
}
