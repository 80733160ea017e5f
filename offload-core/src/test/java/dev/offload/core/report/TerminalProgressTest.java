package dev.offload.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.run.Verdict;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TerminalProgressTest {
    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    private final AtomicLong nanos = new AtomicLong();
    private final TerminalProgress progress =
            new TerminalProgress(new PrintStream(bytes, true, StandardCharsets.UTF_8), nanos::get);

    @Test
    void linesShowCountsBusySandboxesAndAFortyColumnBar() {
        progress.started(285, 10);
        for (int i = 0; i < 120; i++) {
            progress.decided(test("t" + i), i < 116 ? Verdict.PASSED : i < 119 ? Verdict.FAILED : Verdict.FLAKY);
        }
        for (int slot = 0; slot < 8; slot++) {
            progress.batchStarted(slot, slot, 5);
        }
        nanos.set(83_000_000_000L);

        assertThat(progress.countsLine())
                .isEqualTo("passed 116  failed 3  flaky 1  remaining 165  |  sandboxes 8/10 busy");
        assertThat(progress.barLine()).isEqualTo("[################>-----------------------]  42%  120/285  00:01:23");
        progress.finished();
    }

    @Test
    void phaseLinesAreWrittenAboveTheRedrawnLinesAndTheFinalStateStays() {
        progress.started(1, 1);
        progress.phase("Sandboxes ready.");
        progress.decided(test("a"), Verdict.PASSED);
        progress.finished();

        String text = bytes.toString(StandardCharsets.UTF_8);
        assertThat(text).contains("Sandboxes ready.\n");
        assertThat(text).endsWith("[########################################]  100%  1/1  00:00:00\n");
        assertThat(text.indexOf("Sandboxes ready.")).isLessThan(text.lastIndexOf("passed 1  failed 0"));
    }

    private static DiscoveredTest test(String id) {
        return new DiscoveredTest(id, "g", "");
    }
}
