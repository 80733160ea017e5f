package dev.offload.core.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Every process of one batch: the started process, each descendant seen while it ran, and the members of the process
 * group recorded in the pgid file (SPEC §8.1). Killing sends SIGTERM to all of them, then SIGKILL to what is left after
 * the grace period (SPEC §8.5), and returns once none is alive.
 */
final class ProcessTree {
    /** How long to keep sending SIGKILL to processes that are still alive (e.g. forking) before giving up. */
    private static final Duration KILL_LIMIT = Duration.ofSeconds(5);

    private static final long POLL_MILLIS = 50;

    /** How old a shared process table {@link #snapshot} may use. */
    private static final long SHARED_TABLE_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final ProcessHandle root;
    private final OptionalLong rootGroup;
    private final Optional<Path> pgidFile;
    private final Instant started;
    private final Set<ProcessHandle> seen = ConcurrentHashMap.newKeySet();

    /**
     * @param rootGroup the group the root leads, when it was started in a new one
     * @param pgidFile where a wrapped batch records the group of the framework command (SPEC §8.1)
     * @param started when the root was started; an older pgid file is stale
     */
    ProcessTree(ProcessHandle root, OptionalLong rootGroup, Optional<Path> pgidFile, Instant started) {
        this.root = root;
        this.rootGroup = rootGroup;
        this.pgidFile = pgidFile;
        this.started = started;
        seen.add(root);
    }

    /**
     * Remembers the descendants, which may be orphaned (and so invisible from the root) later. Reads a process table
     * that all running batches share for up to half a second: this runs once a second per batch.
     */
    void snapshot() {
        seen.addAll(ProcessTable.recent(SHARED_TABLE_NANOS).descendants(root));
    }

    /** {@link #snapshot} from a fresh look, for stopping the tree. */
    private void snapshotNow() {
        root.descendants().forEach(seen::add);
    }

    /**
     * Sends SIGINT to the framework's process group (the recorded one, else the group the root leads) and waits up to
     * {@code grace} for every process of the tree to exit. Test runners such as pytest and vitest still write their
     * reports when interrupted, so a timed-out batch keeps the results of the tests that finished (SPEC §10.6).
     * Returns at once when no group is known or the signal cannot be sent; {@link #kill} does the rest.
     */
    void interrupt(Duration grace) {
        OptionalLong recorded = recordedGroup();
        OptionalLong group = recorded.isPresent() ? recorded : rootGroup;
        if (group.isEmpty() || ProcessGroup.members(group.getAsLong()).isEmpty() || !sendInterrupt(group.getAsLong())) {
            return;
        }
        long deadline = System.nanoTime() + grace.toNanos();
        while (System.nanoTime() < deadline && members().stream().anyMatch(ProcStat::running)) {
            if (pause()) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    /** The JDK can only send SIGTERM and SIGKILL, so SIGINT goes through {@code kill}. */
    private static boolean sendInterrupt(long pgid) {
        try {
            Process kill = new ProcessBuilder("kill", "-INT", "--", "-" + pgid)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            kill.getOutputStream().close();
            return kill.waitFor(KILL_LIMIT.toMillis(), TimeUnit.MILLISECONDS) && kill.exitValue() == 0;
        } catch (IOException e) {
            return false; // no kill program: the batch is stopped with SIGTERM only
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops this tree: SIGTERM, then SIGKILL after {@code grace}. */
    void kill(Duration grace) {
        killAll(List.of(this), grace);
    }

    /** Stops several trees at once, so that their grace periods overlap (used at JVM shutdown). */
    static void killAll(Collection<ProcessTree> trees, Duration grace) {
        boolean interrupted = false;
        Set<ProcessHandle> alive = signal(trees, false);
        long deadline = System.nanoTime() + grace.toNanos();
        while (!alive.isEmpty() && System.nanoTime() < deadline && !interrupted) {
            interrupted = pause();
            alive = signal(trees, false);
        }
        long killDeadline = System.nanoTime() + KILL_LIMIT.toNanos();
        while (!alive.isEmpty() && System.nanoTime() < killDeadline) {
            alive = signal(trees, true);
            interrupted |= pause();
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    /** Signals every live process of the trees (new ones included) and returns those that were alive. */
    private static Set<ProcessHandle> signal(Collection<ProcessTree> trees, boolean forcibly) {
        Set<ProcessHandle> alive = new HashSet<>();
        for (ProcessTree tree : trees) {
            alive.addAll(tree.members());
        }
        alive.removeIf(p -> !ProcStat.running(p) || p.equals(ProcessHandle.current()));
        // Repeated SIGTERMs are harmless and reach processes forked since the last round.
        alive.forEach(p -> {
            if (forcibly) {
                p.destroyForcibly();
            } else {
                p.destroy();
            }
        });
        return alive;
    }

    private Set<ProcessHandle> members() {
        snapshotNow();
        Set<ProcessHandle> members = new HashSet<>(seen);
        for (ProcessHandle p : seen) {
            p.descendants().forEach(members::add);
        }
        Set<Long> groups = new HashSet<>(recordedGroups());
        rootGroup.ifPresent(groups::add);
        members.addAll(ProcessGroup.members(groups));
        return members;
    }

    /** The framework command's group: the first line of the pgid file, which the batch wrapper writes. */
    private OptionalLong recordedGroup() {
        List<Long> groups = recordedGroups();
        return groups.isEmpty() ? OptionalLong.empty() : OptionalLong.of(groups.get(0));
    }

    /**
     * Every group id in the pgid file, ignoring a file left by an earlier attempt: the wrapper's first line, then any
     * group the batch started outside its own (pytest's fork server appends the forked batch's group).
     */
    private List<Long> recordedGroups() {
        if (pgidFile.isEmpty()) {
            return List.of();
        }
        try {
            Path file = pgidFile.get();
            Instant written = Files.getLastModifiedTime(file).toInstant();
            if (written.isBefore(started.minusSeconds(1))) {
                return List.of();
            }
            List<Long> groups = new ArrayList<>();
            for (String line : Files.readAllLines(file)) {
                try {
                    groups.add(Long.parseLong(line.trim()));
                } catch (NumberFormatException halfWritten) {
                    // a line being written: the next look finds it whole
                }
            }
            return groups;
        } catch (IOException notWritten) {
            return List.of();
        }
    }

    private static boolean pause() {
        try {
            Thread.sleep(POLL_MILLIS);
            return false;
        } catch (InterruptedException e) {
            return true;
        }
    }
}
