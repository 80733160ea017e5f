package dev.offload.core.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/** Runs {@code git} in one working tree and returns its output; the only place Offload starts git. */
public final class Git {
    private final Path dir;
    private final Map<String, String> env;

    public Git(Path dir) {
        this(dir, Map.of());
    }

    private Git(Path dir, Map<String, String> env) {
        this.dir = dir;
        this.env = Map.copyOf(env);
    }

    /** The same tree with extra environment, e.g. {@code GIT_INDEX_FILE} for a temporary index. */
    public Git withEnv(Map<String, String> extra) {
        var merged = new java.util.HashMap<>(env);
        merged.putAll(extra);
        return new Git(dir, merged);
    }

    public Path dir() {
        return dir;
    }

    /** The repository's top-level directory, or empty outside a repository (or without git). */
    public static Optional<Path> topLevel(Path dir) {
        try {
            Result result = new Git(dir).run(null, "rev-parse", "--show-toplevel");
            return result.ok() ? Optional.of(Path.of(result.stdout().trim())) : Optional.empty();
        } catch (GitException e) {
            return Optional.empty();
        }
    }

    /** Runs git and returns trimmed stdout. @throws GitException on a non-zero exit, naming the command */
    public String output(String... args) throws GitException {
        Result result = run(null, args);
        if (!result.ok()) {
            throw new GitException("git " + String.join(" ", args) + " failed: "
                    + result.stderr().trim());
        }
        return result.stdout().trim();
    }

    /** Runs git with {@code stdin} (may be null) and returns everything, whatever the exit status. */
    public Result run(byte[] stdin, String... args) throws GitException {
        List<String> command = new ArrayList<>(List.of("git", "-C", dir.toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(env);
        builder.environment().put("GIT_TERMINAL_PROMPT", "0");
        try {
            Process process = builder.start();
            CompletableFuture<byte[]> out = drain(process.getInputStream());
            CompletableFuture<byte[]> err = drain(process.getErrorStream());
            try (OutputStream in = process.getOutputStream()) {
                if (stdin != null) {
                    in.write(stdin);
                }
            }
            int exit = process.waitFor();
            return new Result(exit, out.join(), new String(err.join(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new GitException("cannot run git: " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GitException("interrupted while running git " + String.join(" ", args));
        }
    }

    /** Reads a pipe on its own thread: the common pool may have a single thread on a small machine. */
    private static CompletableFuture<byte[]> drain(InputStream stream) {
        CompletableFuture<byte[]> result = new CompletableFuture<>();
        Thread reader = new Thread(
                () -> {
                    try (stream) {
                        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
                        stream.transferTo(buffer);
                        result.complete(buffer.toByteArray());
                    } catch (IOException e) {
                        result.completeExceptionally(new UncheckedIOException(e));
                    }
                },
                "offload-git-reader");
        reader.setDaemon(true);
        reader.start();
        return result;
    }

    /** A finished git command. {@code stdoutBytes} keeps binary output (patches) intact. */
    public record Result(int exit, byte[] stdoutBytes, String stderr) {
        public boolean ok() {
            return exit == 0;
        }

        public String stdout() {
            return new String(stdoutBytes, StandardCharsets.UTF_8);
        }
    }
}
