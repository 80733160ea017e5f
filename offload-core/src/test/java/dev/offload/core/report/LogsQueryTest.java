package dev.offload.core.report;

import static dev.offload.core.report.RunFixtures.errored;
import static dev.offload.core.report.RunFixtures.fail;
import static dev.offload.core.report.RunFixtures.pass;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.run.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogsQueryTest {

    @TempDir
    Path dir;

    @BeforeEach
    void writeReport() throws Exception {
        JunitReportWriter.write(
                new RunFixtures()
                        .group("g")
                        .passed("g", "t/test_ok.py::test_ok")
                        .outcome(
                                "g",
                                "t/test_b.py::test_fail",
                                Verdict.FAILED,
                                List.of(fail("boom", ""), errored("crash")),
                                "")
                        .outcome("g", "t/test_a.py::test_flaky", Verdict.FLAKY, List.of(fail("once", ""), pass(1)), "")
                        .outcome("g", "t/test_c.py::test_infra", Verdict.ERROR, List.of(), "result file missing")
                        .outcome("g", "t/test_d.py::test_gone", Verdict.NOT_RUN, List.of(), "cancelled by --fail-fast")
                        .build(),
                dir.resolve("junit.xml"));
    }

    @Test
    void showsEveryTestSortedByIdWithDetails() {
        LogsQuery.Result result = LogsQuery.run(dir, "junit.xml", LogsQuery.Filter.all());

        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).isEmpty();
        assertThat(result.stdout()).isEqualTo("""
                        === t/test_a.py::test_flaky [FLAKY] ===
                        --- attempt 1 ---
                        once
                        trace of once

                        === t/test_b.py::test_fail [FAILED] ===
                        --- attempt 1 ---
                        boom
                        trace of boom
                        --- attempt 2 ---
                        crash
                        trace of crash

                        === t/test_c.py::test_infra [ERROR] ===
                        result file missing

                        === t/test_d.py::test_gone [NOT RUN] ===
                        not run: cancelled by --fail-fast

                        === t/test_ok.py::test_ok [PASSED] ===

                        """);
    }

    @Test
    void filtersComposeWithAnd() {
        LogsQuery.Filter errorsMatchingGone =
                new LogsQuery.Filter(false, true, false, List.of(), Optional.of("gone|ok"));
        assertThat(LogsQuery.run(dir, "junit.xml", errorsMatchingGone).stdout())
                .isEqualTo("=== t/test_d.py::test_gone [NOT RUN] ===\nnot run: cancelled by --fail-fast\n\n");

        LogsQuery.Filter failuresOrFlaky =
                new LogsQuery.Filter(true, false, true, List.of("t/test_a.py::test_flaky"), Optional.empty());
        assertThat(LogsQuery.run(dir, "junit.xml", failuresOrFlaky).stdout())
                .startsWith("=== t/test_a.py::test_flaky [FLAKY] ===")
                .doesNotContain("test_fail");
    }

    @Test
    void noMatchIsAMessageWithExitZero() {
        LogsQuery.Result result = LogsQuery.run(
                dir, "junit.xml", new LogsQuery.Filter(false, false, false, List.of("nope"), Optional.empty()));

        assertThat(result.stdout()).isEmpty();
        assertThat(result.exitCode()).isZero();
        assertThat(result.stderr()).contains("No matching test results found in " + dir.resolve("junit.xml"));
    }

    @Test
    void missingReportAndInvalidRegexFailWithOneLine() throws Exception {
        LogsQuery.Result missing = LogsQuery.run(dir, "other.xml", LogsQuery.Filter.all());
        assertThat(missing.exitCode()).isEqualTo(1);
        assertThat(missing.stderr())
                .contains("No test results found at " + dir.resolve("other.xml") + ". Run 'offload run' first.");

        LogsQuery.Result badRegex = LogsQuery.run(
                dir, "junit.xml", new LogsQuery.Filter(false, false, false, List.of(), Optional.of("(unclosed")));
        assertThat(badRegex.exitCode()).isEqualTo(1);
        assertThat(badRegex.stderr()).get().asString().startsWith("Invalid --test-regex pattern '(unclosed': ");

        Files.writeString(dir.resolve("junit.xml"), "garbage");
        assertThat(LogsQuery.run(dir, "junit.xml", LogsQuery.Filter.all()).exitCode())
                .isEqualTo(1);
    }
}
