package dev.offload.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * Whether stderr, where the redrawn progress goes (SPEC §15.1), is a terminal. The JDK's console only says whether stdin
 * and stdout are, so {@code offload run 2>log} on a terminal would write redraws into the log. On Linux the target of
 * file descriptor 2 says it directly; elsewhere the console is the best guess.
 */
final class Terminal {
    private static final Path STDERR_LINK = Path.of("/proc/self/fd/2");

    private Terminal() {}

    static boolean stderrIsTerminal() {
        return stderrIsTerminal(stderrTarget(), () -> System.console() != null);
    }

    /**
     * @param stderrTarget what file descriptor 2 points to, empty where {@code /proc} is absent
     * @param console whether the JDK has a console, asked only without {@code stderrTarget}
     */
    static boolean stderrIsTerminal(Optional<String> stderrTarget, BooleanSupplier console) {
        return stderrTarget
                .map(target -> target.startsWith("/dev/pts/") || target.startsWith("/dev/tty"))
                .orElseGet(console::getAsBoolean);
    }

    private static Optional<String> stderrTarget() {
        try {
            return Optional.of(Files.readSymbolicLink(STDERR_LINK).toString());
        } catch (IOException | UnsupportedOperationException | SecurityException noProc) {
            return Optional.empty();
        }
    }
}
