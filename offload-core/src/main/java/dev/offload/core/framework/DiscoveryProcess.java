package dev.offload.core.framework;

import dev.offload.core.provider.IsolatedProcess;
import dev.offload.core.provider.Shell;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one discovery command on the local machine from an argument vector (never through a shell of ours), with stdin
 * closed and stdout/stderr drained concurrently so neither pipe can fill up and block the child.
 */
final class DiscoveryProcess {
    private static final int STDOUT_DETAIL_LIMIT = 500;

    /** What the command left behind. */
    record Output(int exitStatus, String stdout, String stderr) {}

    /** Used when a framework builds the process without its request: the SPEC's default test_timeout_secs. */
    private static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(900);
    /** SIGTERM to SIGKILL for the discovery's process group. */
    private static final Duration KILL_GRACE = Duration.ofSeconds(1);
    /** How long to wait for the output pipes once the process group is gone. */
    private static final long DRAIN_SECONDS = 5;

    private final String group;
    private final List<String> argv;
    /** The command messages show: the configured one, also when {@link #argv} reaches it through a helper. */
    private List<String> shown;

    private final Duration timeout;

    DiscoveryProcess(String group, List<String> argv) {
        this(group, argv, DEFAULT_TIMEOUT);
    }

    /** Bounded by the request's timeout ({@code test_timeout_secs}, SPEC §7.1). */
    DiscoveryProcess(DiscoveryRequest request, List<String> argv) {
        this(request.group(), argv, request.timeout());
    }

    private DiscoveryProcess(String group, List<String> argv, Duration timeout) {
        this.group = group;
        this.argv = List.copyOf(argv);
        this.shown = this.argv;
        this.timeout = timeout;
    }

    /** Messages name {@code command} instead of the argv that runs it (pytest's fork server client). */
    DiscoveryProcess showing(List<String> command) {
        this.shown = List.copyOf(command);
        return this;
    }

    Output run(Path directory, Map<String, String> extraEnv) throws DiscoveryException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(argv).directory(directory.toFile());
        builder.environment().putAll(extraEnv);
        IsolatedProcess isolated;
        try {
            isolated = IsolatedProcess.start(builder); // its own group: killed whole on timeout and cancel
        } catch (IOException e) {
            throw new DiscoveryException("discovery failed for group '" + group + "': cannot run " + argv.get(0) + ": "
                    + rootMessage(e) + "\ncommand: " + commandLine());
        }
        Process process = isolated.process();
        try {
            process.getOutputStream().close();
            CompletableFuture<String> stderr = drain(process.getErrorStream(), "stderr");
            CompletableFuture<String> stdout = drain(process.getInputStream(), "stdout");
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                isolated.kill(KILL_GRACE);
                throw new DiscoveryException(
                        "discovery for group '" + group + "' timed out after " + timeout.toSeconds() + "s");
            }
            int status = process.exitValue();
            isolated.kill(KILL_GRACE); // background processes of the discovery must not outlive it
            return new Output(
                    status, stdout.get(DRAIN_SECONDS, TimeUnit.SECONDS), stderr.get(DRAIN_SECONDS, TimeUnit.SECONDS));
        } catch (IOException e) {
            throw new DiscoveryException("discovery failed for group '" + group + "': reading the output of "
                    + argv.get(0) + " failed: " + e.getMessage());
        } catch (ExecutionException e) {
            throw new DiscoveryException(
                    "discovery failed for group '" + group + "': reading its output failed: " + e.getCause(), e);
        } catch (TimeoutException e) {
            throw new DiscoveryException("discovery failed for group '" + group + "': its output stayed open after "
                    + argv.get(0) + " exited (a background process holds it)");
        } finally {
            // Normal exit: nothing left. Interrupted or failed: no discovery process may outlive the run.
            boolean interrupted = Thread.interrupted();
            isolated.kill(KILL_GRACE);
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** {@code discovery failed for group 'g': <program> exited with status N}, the command line and a detail. */
    DiscoveryException failure(Output output) {
        return new DiscoveryException("discovery failed for group '" + group + "': " + shown.get(0)
                + " exited with status " + output.exitStatus() + "\ncommand: " + commandLine() + "\n" + detail(output));
    }

    String commandLine() {
        return Shell.join(shown);
    }

    static String detail(Output output) {
        String stderr = output.stderr().strip();
        if (!stderr.isEmpty()) {
            return stderr;
        }
        String stdout = output.stdout().strip();
        if (stdout.length() > STDOUT_DETAIL_LIMIT) {
            return stdout.substring(0, STDOUT_DETAIL_LIMIT) + "... (truncated)";
        }
        return stdout.isEmpty() ? "no output captured" : stdout;
    }

    private static CompletableFuture<String> drain(InputStream in, String name) {
        CompletableFuture<String> result = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try {
                        result.complete(read(in));
                    } catch (IOException | RuntimeException e) {
                        result.completeExceptionally(e);
                    }
                },
                "offload-discovery-" + name);
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    private static String read(InputStream in) throws IOException {
        try (in) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String rootMessage(IOException e) {
        // "Cannot run program "x" (in directory "d"): error=2, No such file or directory" → the part after "error=N, ".
        String message = String.valueOf(e.getCause() != null ? e.getCause().getMessage() : e.getMessage());
        int comma = message.indexOf(", ");
        return message.startsWith("error=") && comma > 0 ? message.substring(comma + 2) : message;
    }
}
