package dev.offload.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class TerminalTest {

    @Test
    void stderrOnAPseudoTerminalOrTtyIsATerminal() {
        assertThat(Terminal.stderrIsTerminal(Optional.of("/dev/pts/3"), () -> false))
                .isTrue();
        assertThat(Terminal.stderrIsTerminal(Optional.of("/dev/tty1"), () -> false))
                .isTrue();
    }

    @Test
    void stderrRedirectedToAFileOrPipeIsNotATerminalEvenWithAConsole() {
        assertThat(Terminal.stderrIsTerminal(Optional.of("/home/me/run.log"), () -> true))
                .isFalse();
        assertThat(Terminal.stderrIsTerminal(Optional.of("pipe:[12345]"), () -> true))
                .isFalse();
        assertThat(Terminal.stderrIsTerminal(Optional.of("/dev/null"), () -> true))
                .isFalse();
    }

    @Test
    void withoutProcTheConsoleDecides() {
        assertThat(Terminal.stderrIsTerminal(Optional.empty(), () -> true)).isTrue();
        assertThat(Terminal.stderrIsTerminal(Optional.empty(), () -> false)).isFalse();
    }

    @Test
    void stderrOfThisTestIsNotATerminal() {
        // Surefire captures the forked JVM's stderr through a pipe or file.
        assertThat(Terminal.stderrIsTerminal()).isFalse();
    }
}
