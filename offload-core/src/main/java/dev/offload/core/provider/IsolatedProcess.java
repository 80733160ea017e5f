package dev.offload.core.provider;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A local helper process (discovery, SPEC §7.1) started in its own process group, so that it and everything it starts
 * can be killed together: on timeout, on cancel and on every other exit path. Under {@code setsid} the started
 * program leads the new group; without {@code setsid} only its descendants are found.
 */
public final class IsolatedProcess {
    private static final Optional<Path> SETSID = Executables.find("setsid");

    private final Process process;
    private final ProcessTree tree;

    private IsolatedProcess(Process process, ProcessTree tree) {
        this.process = process;
        this.tree = tree;
    }

    /** Starts {@code builder}'s command in a new process group, with its directory and environment. */
    public static IsolatedProcess start(ProcessBuilder builder) throws IOException {
        String program = builder.command().get(0);
        if (SETSID.isPresent() && !exists(program, builder.directory())) {
            // Under setsid a missing program would be setsid's exit 127; report it like the JDK does instead.
            throw new IOException(
                    "Cannot run program \"" + program + "\"", new IOException("error=2, No such file or directory"));
        }
        List<String> command = new ArrayList<>();
        SETSID.ifPresent(setsid -> command.add(setsid.toString()));
        command.addAll(builder.command());
        ProcessBuilder grouped = new ProcessBuilder(command).directory(builder.directory());
        grouped.environment().clear();
        grouped.environment().putAll(builder.environment());
        Process process = grouped.start();
        OptionalLong group = SETSID.isPresent() ? OptionalLong.of(process.pid()) : OptionalLong.empty();
        return new IsolatedProcess(
                process, new ProcessTree(process.toHandle(), group, Optional.empty(), Instant.now()));
    }

    private static boolean exists(String program, java.io.File directory) {
        if (program.contains("/") && directory != null) {
            return java.nio.file.Files.isExecutable(directory.toPath().resolve(program));
        }
        return Executables.find(program).isPresent();
    }

    public Process process() {
        return process;
    }

    /** Kills the whole group (TERM, then KILL after {@code grace}) and waits until it is gone. Idempotent. */
    public void kill(Duration grace) {
        tree.kill(grace);
    }
}
