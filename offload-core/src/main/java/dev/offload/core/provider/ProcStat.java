package dev.offload.core.provider;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The fields of Linux's {@code /proc/<pid>/stat} that the JDK does not expose: the state and the process group.
 *
 * @param state one letter, {@code Z} for a zombie
 * @param group process group id
 */
record ProcStat(char state, long group) {
    private static final Path PROC = Path.of("/proc");

    /** Whether {@code /proc} can be read at all (Linux). */
    static boolean available() {
        return Files.isDirectory(PROC.resolve("self"));
    }

    /** The stat of {@code pid}, empty when it is gone or there is no {@code /proc}. */
    static Optional<ProcStat> of(long pid) {
        try {
            String stat = Files.readString(PROC.resolve(Long.toString(pid)).resolve("stat"));
            // The command name in parentheses may contain spaces and parentheses: parse after the last ')'.
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Optional.of(new ProcStat(fields[0].charAt(0), Long.parseLong(fields[2])));
        } catch (IOException | RuntimeException gone) {
            return Optional.empty();
        }
    }

    /**
     * Alive and not a zombie. The JDK counts zombies as alive, but a zombie has already closed its pipes and only waits
     * for its (possibly slow) new parent to reap it.
     */
    static boolean running(ProcessHandle process) {
        return process.isAlive()
                && of(process.pid()).map(stat -> stat.state() != 'Z').orElse(true);
    }
}
