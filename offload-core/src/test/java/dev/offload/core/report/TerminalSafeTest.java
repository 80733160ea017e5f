package dev.offload.core.report;

import static dev.offload.core.report.RunFixtures.fail;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.run.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 11 item 8: test ids never reach the terminal with their control characters. */
class TerminalSafeTest {

    @Test
    void failedIdWithEscapeSequenceAndNewlineIsPrintedEscaped() {
        String id = "tests/t.py::test_\u001b]0;pwned\u0007\u001b[2J\nAll tests passed.";
        String text = FinalSummary.render(
                new RunFixtures()
                        .group("g")
                        .outcome("g", id, Verdict.FAILED, List.of(fail("boom", "")), "")
                        .build(),
                false);

        assertThat(text)
                .doesNotContain("\u001b")
                .doesNotContain("\u0007")
                .contains("  tests/t.py::test_\\x1b]0;pwned\\x07\\x1b[2J\\x0aAll tests passed.\n");
    }

    @Test
    void warningsNamingIdsAreEscapedAndPlainTextIsUnchanged() {
        List<String> printed = new java.util.ArrayList<>();
        var progress = new ProgressPrinter(line -> {}, printed::add, () -> 0L);

        progress.warning("test 'a\rb\u202Ec' is selected by two groups");

        assertThat(printed).containsExactly("test 'a\\x0db\\u202ec' is selected by two groups");
        assertThat(TerminalSafe.escape("tests/ünï.py::test[x-1] ok")).isEqualTo("tests/ünï.py::test[x-1] ok");
    }
}
