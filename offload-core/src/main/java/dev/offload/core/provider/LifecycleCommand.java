package dev.offload.core.provider;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs one filled provider template ({@code prepare}, {@code create}, {@code download}, {@code destroy}, or an exec
 * whose output is data, such as the base64 fallback) as {@code sh -c <text>} on this machine, under a time limit, and
 * captures its output (SPEC §8.6). Batches do not come here: they stream through a local shell sandbox.
 */
final class LifecycleCommand {
    /** What the command printed and how it ended. */
    record Completed(int exitCode, byte[] stdout, String stderr) {
        String stdoutText() {
            return new String(stdout, StandardCharsets.UTF_8);
        }

        /** {@code <step> failed: <stderr>} (SPEC §8.6), or the exit status when stderr is empty. */
        String failure(String step) {
            String tail = stderrTail();
            return step + " failed: " + (tail.isEmpty() ? "exit " + exitCode : tail);
        }

        /** The stderr tail for messages: the last lines say what went wrong. */
        String stderrTail() {
            String trimmed = stderr.strip();
            return trimmed.length() <= 2000 ? trimmed : "..." + trimmed.substring(trimmed.length() - 2000);
        }
    }

    private LifecycleCommand() {}

    /**
     * @param step names the template in messages, e.g. {@code create command}
     * @param stdin bytes written to the command's standard input (empty: none)
     * @throws ProviderException when the command cannot start or outlives {@code timeout} (its processes are killed)
     * @throws InterruptedException when the run is cancelled; the command's processes are killed first
     */
    static Completed run(String step, String text, Path dir, Duration timeout, byte[] stdin)
            throws ProviderException, InterruptedException {
        return run(step, text, dir, timeout, stdin, line -> {});
    }

    /**
     * As above, also handing each stderr line to {@code stderrLines} as it arrives (image builds show their progress
     * while they run, SPEC §13.4).
     */
    static Completed run(
            String step, String text, Path dir, Duration timeout, byte[] stdin, Consumer<String> stderrLines)
            throws ProviderException, InterruptedException {
        Process process;
        try {
            process =
                    new ProcessBuilder("sh", "-c", text).directory(dir.toFile()).start();
        } catch (IOException e) {
            throw new ProviderException(step + " could not start in " + dir + ": " + e.getMessage(), e);
        }
        var out = Drain.start(process.getInputStream(), step + "-stdout", line -> {});
        var err = Drain.start(process.getErrorStream(), step + "-stderr", stderrLines);
        feed(process.getOutputStream(), stdin);
        try {
            if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                kill(process);
                throw new ProviderException(step + " timed out after " + timeout.toSeconds() + " s");
            }
            out.thread.join(TimeUnit.SECONDS.toMillis(5));
            err.thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            kill(process);
            throw e;
        }
        return new Completed(process.exitValue(), out.bytes.toByteArray(), err.bytes.toString(StandardCharsets.UTF_8));
    }

    private static void feed(OutputStream in, byte[] stdin) {
        try (in) {
            in.write(stdin);
        } catch (IOException e) {
            // The command does not read its input (or exited already): nothing to feed.
        }
    }

    /** Kills the whole tree: a template may start helpers (ssh, docker, python) that would outlive {@code sh}. */
    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    /**
     * Reads a stream to its end on its own thread, so that neither pipe can fill up and block the command, and hands
     * each complete line to {@code lines} on the way.
     */
    private record Drain(Thread thread, ByteArrayOutputStream bytes) {
        static Drain start(InputStream stream, String name, Consumer<String> lines) {
            var bytes = new ByteArrayOutputStream();
            Thread thread = new Thread(
                    () -> {
                        var line = new ByteArrayOutputStream();
                        byte[] buffer = new byte[8192];
                        try (stream) {
                            for (int n = stream.read(buffer); n >= 0; n = stream.read(buffer)) {
                                bytes.write(buffer, 0, n);
                                for (int i = 0; i < n; i++) {
                                    if (buffer[i] == '\n') {
                                        lines.accept(line.toString(StandardCharsets.UTF_8));
                                        line.reset();
                                    } else {
                                        line.write(buffer[i]);
                                    }
                                }
                            }
                        } catch (IOException e) {
                            // The process was killed: keep what arrived.
                        }
                        if (line.size() > 0) {
                            lines.accept(line.toString(StandardCharsets.UTF_8));
                        }
                    },
                    "offload-" + name);
            thread.setDaemon(true);
            thread.start();
            return new Drain(thread, bytes);
        }
    }
}
