package dev.offload.core.report;

import static dev.offload.core.report.RunFixtures.errored;
import static dev.offload.core.report.RunFixtures.fail;
import static dev.offload.core.report.RunFixtures.pass;
import static dev.offload.core.report.RunFixtures.skip;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.framework.TestCaseResult;
import dev.offload.core.run.RunResult;
import dev.offload.core.run.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JunitReportWriterTest {

    @TempDir
    Path dir;

    private RunResult mixedRun() {
        return new RunFixtures()
                .group("unit")
                .group("slow")
                .passed("unit", "t.py::test_pass")
                .outcome("unit", "t.py::test_skip", Verdict.SKIPPED, List.of(skip("not today")), "")
                .outcome("unit", "t.py::test_flaky", Verdict.FLAKY, List.of(fail("first try", "out 1"), pass(0.5)), "")
                .outcome(
                        "slow",
                        "t.py::test_fail",
                        Verdict.FAILED,
                        List.of(fail("boom", "first out"), errored("crash")),
                        "")
                .outcome("slow", "t.py::test_infra", Verdict.ERROR, List.of(), "result file missing")
                .outcome("slow", "t.py::test_cancelled", Verdict.NOT_RUN, List.of(), "cancelled by --fail-fast")
                .build();
    }

    @Test
    void writesOneSuitePerGroupWithSurefireCounts() throws Exception {
        Path file = dir.resolve("junit.xml");
        JunitReportWriter.write(mixedRun(), file);

        String xml = Files.readString(file);
        assertThat(xml)
                .contains(
                        "<testsuites name=\"offload\" tests=\"6\" failures=\"1\" errors=\"2\" skipped=\"1\" flakes=\"1\" time=\"83.400\"")
                .contains("<testsuite name=\"unit\" tests=\"3\" failures=\"0\" errors=\"0\" skipped=\"1\" flakes=\"1\"")
                .contains("<testsuite name=\"slow\" tests=\"3\" failures=\"1\" errors=\"2\" skipped=\"0\" flakes=\"0\"")
                .contains("timestamp=\"2026-11-26T10:00:00\"")
                .contains("<testcase name=\"t.py::test_pass\" classname=\"tests/test_x.py\" time=\"0.500\"")
                .contains("<skipped message=\"not today\"")
                .contains("<error message=\"result file missing\" type=\"offload.InfrastructureError\">")
                .contains("<error message=\"not run: cancelled by --fail-fast\" type=\"offload.NotRun\"");
        assertThat(xml.indexOf("name=\"unit\"")).isLessThan(xml.indexOf("name=\"slow\""));
        assertThat(dir).isDirectoryNotContaining("glob:**.tmp");
    }

    @Test
    void reportIsReadableByGroupAndOthersLikeAnyBuildOutput() throws Exception {
        Path junit = dir.resolve("junit.xml");
        Path summary = dir.resolve("summary.json");

        JunitReportWriter.write(mixedRun(), junit);
        SummaryJsonWriter.write(mixedRun(), Path.of("/repo/offload.toml"), "0.1.0", summary);

        for (Path file : List.of(junit, summary)) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                    .as(file.getFileName().toString())
                    .isEqualTo("rw-r--r--");
        }
    }

    @Test
    void reportRoundTripsThroughParserAndLogs() throws Exception {
        Path file = dir.resolve("junit.xml");
        JunitReportWriter.write(mixedRun(), file);

        Map<String, JunitTestCase> cases = JunitXmlParser.parseCases(file).stream()
                .collect(Collectors.toMap(JunitTestCase::name, Function.identity()));

        assertThat(cases).hasSize(6);
        assertThat(cases.values())
                .extracting(LogsQuery::statusOf)
                .containsExactlyInAnyOrder(
                        LogsQuery.Status.PASSED,
                        LogsQuery.Status.SKIPPED,
                        LogsQuery.Status.FLAKY,
                        LogsQuery.Status.FAILED,
                        LogsQuery.Status.ERROR,
                        LogsQuery.Status.NOT_RUN);
        JunitTestCase flaky = cases.get("t.py::test_flaky");
        assertThat(flaky.elements()).singleElement().satisfies(e -> {
            assertThat(e.kind()).isEqualTo("flakyFailure");
            assertThat(e.message()).isEqualTo("first try");
            assertThat(e.type()).isEqualTo("AssertionError");
            assertThat(e.body()).isEqualTo("trace of first try");
            assertThat(e.systemOut()).isEqualTo("out 1");
        });
        assertThat(flaky.toResult().status()).isEqualTo(TestCaseResult.Status.PASSED);
        JunitTestCase failed = cases.get("t.py::test_fail");
        assertThat(failed.elements()).extracting(JunitTestCase.Element::kind).containsExactly("failure", "rerunError");
        assertThat(failed.elements().get(1).systemErr()).isEqualTo("stderr of crash");
        assertThat(failed.systemOut()).isEqualTo("first out");
        assertThat(failed.timeSecs()).isEqualTo(0.75);

        LogsQuery.Result logs = LogsQuery.run(file, LogsQuery.Filter.all());
        assertThat(logs.stdout())
                .contains("=== t.py::test_flaky [FLAKY] ===\n--- attempt 1 ---\nfirst try\ntrace of first try\n\n");
    }

    @Test
    void dropsCharactersInvalidInXmlAndCutsHugeOutput() throws Exception {
        String huge = "x".repeat(XmlText.OUTPUT_LIMIT_BYTES + 10);
        RunResult run = new RunFixtures()
                .group("g")
                .outcome("g", "bad\u0000id\u001b", Verdict.FAILED, List.of(fail("msg\u0007", huge)), "")
                .build();
        Path file = dir.resolve("junit.xml");

        JunitReportWriter.write(run, file);

        JunitTestCase parsed = JunitXmlParser.parseCases(file).get(0);
        assertThat(parsed.name()).isEqualTo("badid");
        assertThat(parsed.elements().get(0).message()).isEqualTo("msg");
        assertThat(parsed.systemOut())
                .startsWith("x".repeat(1000))
                .endsWith("\n[offload: output cut at 1 MiB, 10 more bytes not shown]\n")
                .hasSize(XmlText.OUTPUT_LIMIT_BYTES
                        + "\n[offload: output cut at 1 MiB, 10 more bytes not shown]\n".length());
    }

    @Test
    void emptyRunStillWritesValidReport() throws Exception {
        Path file = dir.resolve("out/junit.xml");
        JunitReportWriter.write(new RunFixtures().group("g").build(), file);

        assertThat(JunitXmlParser.parseCases(file)).isEmpty();
        assertThat(Files.readString(file)).contains("<testsuite name=\"g\" tests=\"0\"");
    }
}
