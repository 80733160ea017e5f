package dev.offload.core.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offload.core.config.FrameworkConfig;
import dev.offload.core.framework.TestCaseResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vitest command lines, ids and report conversion; the real vitest runs in the invoker IT {@code vitest-basic}. */
class VitestFrameworkTest {
    private static final String ROOT = "/sandbox/project";

    @TempDir
    Path dir;

    private final VitestFramework vitest = framework(Optional.of("--pool=forks"));

    @Test
    void patternEscapesRegexCharactersAndMatchesBothSeparators() {
        String pattern = VitestNamePattern.of(List.of(
                "tests/a.test.ts > outer > inner > works",
                "tests/a.test.ts > sum(1, 1) = 2 [$x] a.b|c",
                "tests/b.test.ts > outer > inner > works"));

        assertThat(pattern).isEqualTo("^(outer(?: | > )inner(?: | > )works|sum\\(1, 1\\) = 2 \\[\\$x\\] a\\.b\\|c)$");
        // Java regexes agree with JavaScript on these escapes: the pattern matches vitest's space-joined full name.
        Pattern compiled = Pattern.compile(pattern);
        assertThat(compiled.matcher("outer inner works").matches()).isTrue();
        assertThat(compiled.matcher("outer > inner > works").matches()).isTrue();
        assertThat(compiled.matcher("sum(1, 1) = 2 [$x] a.b|c").matches()).isTrue();
        assertThat(compiled.matcher("outer inner works too").matches()).isFalse();
        assertThat(compiled.matcher("sum(1, 1) = 2 [$x] aXb|c").matches()).isFalse();
    }

    @Test
    void aTitleContainingTheSeparatorStillMatches() {
        String pattern = VitestNamePattern.of(List.of("t.test.ts > a > b quoted ' \" title"));

        assertThat(Pattern.compile(pattern).matcher("a > b quoted ' \" title").matches())
                .isTrue();
        assertThat(Pattern.compile(pattern).matcher("a b quoted ' \" title").matches())
                .isTrue();
    }

    @Test
    void batchRunsDistinctFilesWithPatternReportersAndRunArgsAllQuoted() {
        BatchCommand command = vitest.batchCommand(new BatchRequest(
                3,
                List.of("tests/a.test.ts > it's > ok", "tests/a.test.ts > two", "tests/b b.test.ts > three"),
                "run1",
                "/tmp/offload-run1",
                true));

        // The event reporter (SPEC §7.1) is written next to the result file first, then passed after vitest's own.
        assertThat(command.script())
                .startsWith("mkdir -p /tmp/offload-run1/vitest || exit 1\n")
                .contains("export default class OffloadEventReporter")
                .endsWith("npx vitest run '--bail=1' tests/a.test.ts 'tests/b b.test.ts' --testNamePattern"
                        + " '^(it'\\''s(?: | > )ok|three|two)$' '--reporter=verbose' '--reporter=json'"
                        + " '--outputFile.json=/tmp/offload-run1/batch-3.json'"
                        + " '--reporter=/tmp/offload-run1/vitest/offload_vitest_reporter.mjs' '--pool=forks'\n");
        assertThat(command.resultPath()).contains("/tmp/offload-run1/batch-3.json");
        assertThat(vitest.testIdFormat()).isEqualTo("{classname} > {name}");
    }

    @Test
    void discoveryListsIntoAFileWithTheGroupsFiltersSplitLikeAShell() throws Exception {
        Path list = dir.resolve("list.json");

        assertThat(vitest.discoveryArgv(new DiscoveryRequest("g", "tests/a 'b c'", dir, dir), list))
                .containsExactly("npx", "vitest", "list", "--json=" + list.toAbsolutePath(), "tests/a", "b c");
    }

    @Test
    void idsAreFileRelativeToTheDiscoveryDirectoryThenName() throws Exception {
        String listing = """
                [{"name":"outer > inner > works","file":"%1$s/tests/a.test.ts"},
                 {"name":"quotes ' \\" > x","file":"%1$s/tests/a.test.ts","projectName":"p"},
                 {"name":"elsewhere","file":"/other/x.test.ts"}]""".formatted(dir);

        List<DiscoveredTest> tests = VitestFramework.tests(
                VitestFramework.parseListing(listing, "g"), new DiscoveryRequest("g", "", dir, dir));

        assertThat(tests)
                .extracting(DiscoveredTest::id, DiscoveredTest::classname)
                .containsExactly(
                        tuple("tests/a.test.ts > outer > inner > works", "tests/a.test.ts"),
                        tuple("tests/a.test.ts > quotes ' \" > x", "tests/a.test.ts"),
                        tuple("/other/x.test.ts > elsewhere", "/other/x.test.ts"));
    }

    @Test
    void idsStayRelativeWhenTheDiscoveryDirectoryIsASymlinkThatVitestResolves() throws Exception {
        Path real = Files.createDirectories(dir.resolve("real"));
        Path link = Files.createSymbolicLink(dir.resolve("link"), real);
        String listing = "[{\"name\":\"t\",\"file\":\"" + real + "/tests/a.test.ts\"}]";

        assertThat(VitestFramework.tests(
                        VitestFramework.parseListing(listing, "g"), new DiscoveryRequest("g", "", link, dir)))
                .extracting(DiscoveredTest::id)
                .containsExactly("tests/a.test.ts > t");
    }

    @Test
    void repeatedNamesOfOneFileGetNumberedIdsAndFormOneUnit() throws Exception {
        String listing = """
                [{"name":"same","file":"%1$s/a.test.ts"},{"name":"same","file":"%1$s/b.test.ts"},
                 {"name":"same","file":"%1$s/a.test.ts"},{"name":"other","file":"%1$s/a.test.ts"},
                 {"name":"same","file":"%1$s/a.test.ts"}]""".formatted(dir);
        var request = new DiscoveryRequest("unit", "", dir, dir);

        assertThat(VitestFramework.tests(VitestFramework.parseListing(listing, "unit"), request))
                .extracting(DiscoveredTest::id, DiscoveredTest::unit)
                .containsExactly(
                        tuple("a.test.ts > same", "a.test.ts > same"),
                        tuple("b.test.ts > same", "b.test.ts > same"),
                        tuple("a.test.ts > same [#2]", "a.test.ts > same"),
                        tuple("a.test.ts > other", "a.test.ts > other"),
                        tuple("a.test.ts > same [#3]", "a.test.ts > same"));
    }

    @Test
    void aTitleEndingLikeARepeatNextToItsStemIsAClearDiscoveryError() throws Exception {
        String listing = """
                [{"name":"t","file":"%1$s/a.test.ts"},{"name":"t","file":"%1$s/a.test.ts"},
                 {"name":"t [#2]","file":"%1$s/a.test.ts"}]""".formatted(dir);
        var request = new DiscoveryRequest("unit", "", dir, dir);

        assertThatThrownBy(() -> VitestFramework.tests(VitestFramework.parseListing(listing, "unit"), request))
                .isInstanceOf(DiscoveryException.class)
                .hasMessage("discovery failed for group 'unit': two tests of a.test.ts would both get the id"
                        + " 'a.test.ts > t [#2]'; rename one of them");
    }

    @Test
    void aRepeatIsSelectedByItsNameSoEveryListingRuns() {
        String pattern = VitestNamePattern.of(List.of("a.test.ts > loop [#2]", "a.test.ts > x [#1]"));

        assertThat(pattern).isEqualTo("^(loop|loop \\[#2\\]|x \\[#1\\])$");
        assertThat(Pattern.compile(pattern).matcher("loop").matches()).isTrue();
    }

    @Test
    void resultsOfARepeatedNameGoToItsIdsInOrderAndUnlistedSkipsArePassedOn() throws Exception {
        String report = """
                {"testResults": [{"name": "%1$s/t/a.test.ts", "status": "failed", "assertionResults": [
                  {"ancestorTitles": [], "title": "loop", "status": "skipped"},
                  {"ancestorTitles": [], "title": "loop", "status": "passed", "duration": 1},
                  {"ancestorTitles": [], "title": "loop", "status": "failed", "duration": 2, "failureMessages": ["x"]},
                  {"ancestorTitles": [], "title": "loop", "status": "skipped", "duration": 0.5},
                  {"ancestorTitles": ["off"], "title": "in", "status": "skipped"},
                  {"ancestorTitles": [], "title": "later", "status": "todo"},
                  {"ancestorTitles": [], "title": "excluded", "status": "skipped"}
                ]}]}""".formatted(ROOT);

        List<TestCaseResult> results = read(report, "t/a.test.ts > loop [#2]", "t/a.test.ts > loop [#3]");

        assertThat(results)
                .extracting(TestCaseResult::name, TestCaseResult::status)
                .containsExactly(
                        // the skip that never ran is numbered after the three that ran: never a listed test's id
                        tuple("loop [#4]", Status.SKIPPED),
                        tuple("loop [#2]", Status.FAILED),
                        tuple("loop [#3]", Status.SKIPPED),
                        tuple("off > in", Status.SKIPPED),
                        tuple("later", Status.SKIPPED),
                        tuple("excluded", Status.SKIPPED));
    }

    @Test
    void unlistedSkipsJoinTheGroupOfABatchTestOfTheirFileOnly() {
        assertThat(vitest.unlistedSkipAnchor("b.test.ts > s", List.of("a.test.ts > x", "b.test.ts > y")))
                .contains("b.test.ts > y");
        // a file that ran only because its path contains a batch file's may be outside every group
        assertThat(vitest.unlistedSkipAnchor("sub/a.test.ts > s", List.of("a.test.ts > x")))
                .isEmpty();
    }

    @Test
    void listingThatIsNotJsonFailsDiscoveryShowingTheOutput() {
        assertThatThrownBy(() -> VitestFramework.parseListing("Error: no config", "g"))
                .isInstanceOf(DiscoveryException.class)
                .hasMessage("discovery failed for group 'g': vitest list did not print a JSON array: Error: no config");
    }

    @Test
    void discoveryRunsTheCommandAndReportsItsFailure() throws Exception {
        Path fake = dir.resolve("fake-vitest");
        Files.writeString(fake, "#!/bin/sh\necho 'boom: no vitest' >&2\nexit 3\n");
        fake.toFile().setExecutable(true);
        var failing = new VitestFramework(
                new FrameworkConfig.Vitest(fake.toString(), Optional.empty(), "{classname} > {name}"));

        assertThatThrownBy(() -> failing.discover(new DiscoveryRequest("g", "", dir, dir.resolve("tmp"))))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageStartingWith("discovery failed for group 'g': " + fake + " exited with status 3")
                .hasMessageEndingWith("boom: no vitest");
    }

    @Test
    void reportBecomesTestcasesRelativeToTheInferredSandboxRoot() throws Exception {
        List<TestCaseResult> results = read(
                REPORT,
                "tests/a.test.ts > outer > inner > works",
                "tests/a.test.ts > fails",
                "tests/a.test.ts > todo later",
                "tests/a.test.ts > cut off by bail");

        assertThat(results)
                .extracting(TestCaseResult::classname, TestCaseResult::name, TestCaseResult::status)
                .containsExactly(
                        tuple("tests/a.test.ts", "outer > inner > works", Status.PASSED),
                        tuple("tests/a.test.ts", "fails", Status.FAILED),
                        // excluded by the name pattern, or a skip vitest does not list: the run tells them apart
                        tuple("tests/a.test.ts", "not in this batch", Status.SKIPPED),
                        tuple("tests/a.test.ts", "todo later", Status.SKIPPED),
                        // another file matched the file filter by substring: passed on, the resolver ignores it
                        tuple("sub/tests/a.test.ts", "other", Status.PASSED));
        assertThat(results.get(0).timeSecs()).isEqualTo(0.0125);
        assertThat(results.get(1).failure()).hasValueSatisfying(failure -> {
            assertThat(failure.message()).isEqualTo("AssertionError: expected 4 to be 5");
            assertThat(failure.body()).startsWith("AssertionError: expected 4 to be 5\n    at ");
        });
    }

    @Test
    void convertedReportResolvesToTheBatchIdsWithTheDefaultFormat() throws Exception {
        List<String> ids = List.of("tests/a.test.ts > outer > inner > works", "tests/a.test.ts > fails");
        Map<String, TestCaseResult> resolved = TestCaseResolver.resolve(
                read(REPORT, ids.toArray(String[]::new)), ids, vitest.testIdFormat(), warning -> {});

        assertThat(resolved).containsOnlyKeys(ids);
        assertThat(resolved.get("tests/a.test.ts > fails").status()).isEqualTo(Status.FAILED);
    }

    @Test
    void fileThatFailsToLoadFailsEachOfItsBatchTests() throws Exception {
        String report = """
                {"testResults":[{"name":"%s/tests/broken.test.ts","status":"failed",
                  "message":"SyntaxError: Unexpected token\\n  at broken.test.ts:3","assertionResults":[]}]}""".formatted(ROOT);

        List<TestCaseResult> results = read(report, "tests/broken.test.ts > one", "tests/broken.test.ts > two");

        assertThat(results)
                .extracting(TestCaseResult::name, TestCaseResult::status)
                .containsExactly(tuple("one", Status.FAILED), tuple("two", Status.FAILED));
        assertThat(results.get(0).failure().orElseThrow().message()).isEqualTo("SyntaxError: Unexpected token");
    }

    @Test
    void emptyOrBrokenReportIsAResultFileError() throws Exception {
        Path empty = Files.writeString(dir.resolve("batch-1.json"), "");
        Path broken = Files.writeString(dir.resolve("batch-2.json"), "{\"testResults\": [");

        assertThatThrownBy(() -> vitest.readResults(empty, request("x > y")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageStartingWith("result file is empty");
        assertThatThrownBy(() -> vitest.readResults(broken, request("x > y")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageStartingWith("unreadable vitest JSON report");
        assertThatThrownBy(() -> vitest.readResults(dir.resolve("none.json"), request("x > y")))
                .isInstanceOf(ResultFileException.class)
                .hasMessageStartingWith("result file missing");
    }

    @Test
    void commandThatCannotBeSplitIsAConfigurationMessage() {
        assertThatThrownBy(() -> framework(Optional.of("--pool 'forks")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("framework.run_args: ");
    }

    private static final String REPORT = """
            {"numTotalTests": 6, "testResults": [
              {"name": "%1$s/tests/a.test.ts", "status": "failed", "message": "", "assertionResults": [
                {"ancestorTitles": ["outer", "inner"], "title": "works", "fullName": "outer inner works",
                 "status": "passed", "duration": 12.5, "failureMessages": []},
                {"ancestorTitles": [], "title": "fails", "status": "failed", "duration": 3,
                 "failureMessages": ["AssertionError: expected 4 to be 5\\n    at tests/a.test.ts:9:3"]},
                {"ancestorTitles": [], "title": "not in this batch", "status": "skipped", "failureMessages": []},
                {"ancestorTitles": [], "title": "todo later", "status": "todo", "failureMessages": []},
                {"ancestorTitles": [], "title": "cut off by bail", "status": "pending", "failureMessages": []}
              ]},
              {"name": "%1$s/sub/tests/a.test.ts", "status": "passed", "message": "", "assertionResults": [
                {"ancestorTitles": [], "title": "other", "status": "passed", "duration": 1, "failureMessages": []}
              ]}
            ]}""".formatted(ROOT);

    private List<TestCaseResult> read(String report, String... ids) throws Exception {
        Path file = Files.writeString(dir.resolve("batch-1.json"), report);
        assertThat(new ObjectMapper().readTree(file.toFile())).isNotNull();
        return vitest.readResults(file, request(ids));
    }

    private static BatchRequest request(String... ids) {
        return new BatchRequest(1, List.of(ids), "run", "/tmp/offload-run", false);
    }

    private static VitestFramework framework(Optional<String> runArgs) {
        return new VitestFramework(new FrameworkConfig.Vitest("npx vitest", runArgs, "{classname} > {name}"));
    }
}
