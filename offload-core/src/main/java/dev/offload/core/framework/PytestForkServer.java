package dev.offload.core.framework;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.offload.core.provider.IsolatedProcess;
import dev.offload.core.provider.Shell;
import dev.offload.core.scripts.BundledScripts;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;

/**
 * The run's pytest fork server ({@code offload_pytest_fork.py}, docs/frameworks.md): one process on this machine that
 * imports pytest once; every local batch runs in a fresh process forked from it. Batches reach it through the script's
 * client, which falls back to {@code <python> -m pytest} whenever the server is not there, so the server is an
 * optimisation only: it may fail to start, and batches still run.
 */
final class PytestForkServer implements Framework.LocalHelper {
    static final String FILE_NAME = "offload_pytest_fork.py";

    /** The held session's half of the server ({@code offload_pytest_held.py}), written beside it. */
    static final String HELD_FILE_NAME = "offload_pytest_held.py";

    /** Set for the discovery that keeps its collected session: {"socket": path, "fixed": [arg...]}. */
    static final String HOLD_ENV = "OFFLOAD_PYTEST_HOLD";

    /** Set for a batch once a discovery holds its session: the batch's client asks it first. */
    static final String HELD_ENV = "OFFLOAD_PYTEST_HELD";

    /** Set for a batch: where the client appends the forked pytest's process group (SPEC §8.1 pgid file). */
    static final String PGID_FILE_ENV = "OFFLOAD_PYTEST_FORK_PGID_FILE";

    /** A Unix socket path holds at most 107 bytes on Linux. */
    private static final int MAX_SOCKET_PATH = 100;

    private static final Pattern PYTHON = Pattern.compile("python[0-9.]*");
    private static final Duration STOP_GRACE = Duration.ofSeconds(2);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final IsolatedProcess process;
    private final String python;
    private final Path script;
    private final Path socket;
    /** Claimed by the first discovery, which runs with the batches' options and keeps its collected session. */
    private final AtomicBoolean holdClaimed = new AtomicBoolean();
    /** True once that discovery's session listens: batches then ask it first. */
    private volatile boolean held;

    private PytestForkServer(IsolatedProcess process, String python, Path script, Path socket) {
        this.process = process;
        this.python = python;
        this.script = script;
        this.socket = socket;
    }

    /** How many words {@code <python> -m pytest} takes: what follows them in a command is pytest's. */
    static final int PYTHON_M_PYTEST = 3;

    /**
     * The interpreter of a {@code <python> -m pytest [pytest options]} command; empty for any other command (no server
     * then). Interpreter options before {@code -m} would be lost in a fork.
     */
    static Optional<String> python(List<String> command) {
        if (command.size() < PYTHON_M_PYTEST
                || !command.get(1).equals("-m")
                || !command.get(2).equals("pytest")) {
            return Optional.empty();
        }
        String program = command.get(0);
        String name = program.substring(program.lastIndexOf('/') + 1);
        return PYTHON.matcher(name).matches() ? Optional.of(program) : Optional.empty();
    }

    /**
     * Starts the server in {@code dir} (the run's private temp directory) with {@code workingDir} as its directory;
     * empty when it cannot start (then every batch starts its own interpreter, as with {@code fork_batches = false}).
     */
    static Optional<PytestForkServer> start(String python, Path dir, Path workingDir) {
        Path socket = dir.resolve("pytest-fork.sock").toAbsolutePath();
        if (socket.toString().getBytes(StandardCharsets.UTF_8).length > MAX_SOCKET_PATH) {
            return Optional.empty();
        }
        try {
            Files.createDirectories(dir);
            Path script = dir.resolve(FILE_NAME).toAbsolutePath();
            for (String name : List.of(FILE_NAME, HELD_FILE_NAME)) {
                byte[] source = BundledScripts.content(name)
                        .orElseThrow(() -> new IOException("bundled script " + name + " is missing"));
                Files.write(dir.resolve(name), source);
            }
            // Clients (discovery starts right away) wait while this marker exists; the server removes it once it
            // listens or when it gives up.
            Files.write(Path.of(socket + ".starting"), new byte[0]);
            ProcessBuilder builder = new ProcessBuilder(python, script.toString(), "serve", socket.toString())
                    .directory(workingDir.toFile());
            return Optional.of(new PytestForkServer(IsolatedProcess.start(builder), python, script, socket));
        } catch (IOException e) {
            return Optional.empty(); // batches start their own interpreter
        }
    }

    /**
     * The shell line that runs pytest with {@code args} through this server: the client runs without {@code site}
     * (it needs the standard library only) and records the forked process group in {@code pgidFile}.
     */
    String batchLine(List<String> args, String pgidFile) {
        String heldSession = held ? HELD_ENV + "=" + Shell.quote(heldSocket().toString()) + " " : "";
        return heldSession + PGID_FILE_ENV + "=" + Shell.quote(pgidFile) + " " + Shell.join(clientArgv(args));
    }

    /**
     * The environment that makes a discovery keep its collected session for batches run with {@code fixedArgs}
     * followed by {@code --junitxml=<file> [-x] -- <ids>}; empty for every discovery but the first of the run.
     */
    Optional<Map<String, String>> claimHold(List<String> fixedArgs) {
        if (!holdClaimed.compareAndSet(false, true)) {
            return Optional.empty();
        }
        ObjectNode hold = JSON.createObjectNode().put("socket", heldSocket().toString());
        fixedArgs.forEach(hold.putArray("fixed")::add);
        return Optional.of(Map.of(HOLD_ENV, hold.toString()));
    }

    /** After the claiming discovery: batches ask its session first when it listens. */
    void discoveryEnded() {
        held = Files.exists(heldSocket());
    }

    private Path heldSocket() {
        return socket.resolveSibling("pytest-held.sock");
    }

    /**
     * The command that runs pytest with {@code args} through this server (discovery uses it too: the client waits
     * while the server is still importing, which takes about as long as its own pytest would to start).
     */
    List<String> clientArgv(List<String> args) {
        List<String> argv = new ArrayList<>(List.of(python, "-S", script.toString(), "run", socket.toString(), python));
        argv.addAll(args);
        return argv;
    }

    /** Closes the server's stdin, which ends it; kills it if it has not gone within a grace period. */
    @Override
    public void close() {
        try {
            process.process().getOutputStream().close();
            if (!process.process().waitFor(STOP_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                process.kill(STOP_GRACE);
            }
        } catch (IOException e) {
            process.kill(STOP_GRACE);
        } catch (InterruptedException e) {
            process.kill(STOP_GRACE);
            Thread.currentThread().interrupt();
        }
    }
}
