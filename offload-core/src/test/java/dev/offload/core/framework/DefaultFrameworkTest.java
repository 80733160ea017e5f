package dev.offload.core.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.offload.core.config.FrameworkConfig;
import dev.offload.core.framework.TestCaseResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DefaultFrameworkTest {
    /** Ids that break out of a shell word unless quoted; the canaries would create files named pwned-*. */
    private static final List<String> WEIRD_IDS = List.of(
            "plain",
            "with space",
            "it's",
            "$(touch pwned-subst)",
            "`touch pwned-tick`",
            "a; touch pwned-semi",
            "ünï \"dq\" \\ * fail");

    /** Writes a JUnit file: argv[1] is the path, every further argument a testcase (failed when it ends in "fail"). */
    private static final String JUNIT_WRITER = """
            import sys
            from xml.sax.saxutils import quoteattr
            cases = "".join(
                "<testcase name=%s>%s</testcase>" % (quoteattr(n), "<failure message='x'/>" if n.endswith("fail") else "")
                for n in sys.argv[2:])
            open(sys.argv[1], "w", encoding="utf-8").write("<testsuite>" + cases + "</testsuite>")
            """;

    @TempDir
    Path project;

    @TempDir
    Path runTemp;

    @BeforeEach
    void writeRunner() throws Exception {
        Files.writeString(project.resolve("junit.py"), JUNIT_WRITER);
    }

    @Test
    void discoveryPrintsOneIdPerLineWithFiltersSubstitutedRaw() throws Exception {
        DefaultFramework framework = framework("printf '%s\\n' a {filters} '  # comment' '' '  padded  '", "true");

        List<DiscoveredTest> tests = framework.discover(request("unit", "b 'c d'"));

        assertThat(tests).extracting(DiscoveredTest::id).containsExactly("a", "b", "c d", "padded");
        assertThat(tests).extracting(DiscoveredTest::group).containsOnly("unit");
        assertThat(tests).extracting(DiscoveredTest::classname).containsOnly("");
    }

    @Test
    void discoveryRunsInTheRequestDirectory() throws Exception {
        Files.writeString(project.resolve("ids.txt"), "x\ny\n");

        assertThat(framework("cat ids.txt {filters}", "true").discover(request("unit", "")))
                .extracting(DiscoveredTest::id)
                .containsExactly("x", "y");
    }

    @Test
    void failingDiscoveryNamesGroupStatusCommandAndStderr() {
        DefaultFramework framework = framework("echo listed; echo '  it broke  ' >&2; exit 3 {filters}", "true");

        assertThatThrownBy(() -> framework.discover(request("unit", "")))
                .isInstanceOf(DiscoveryException.class)
                .hasMessage("discovery failed for group 'unit': sh exited with status 3\n"
                        + "command: sh -c 'echo listed; echo '\\''  it broke  '\\'' >&2; exit 3 '\n"
                        + "it broke");
    }

    @Test
    void failingDiscoveryWithoutStderrShowsTruncatedStdoutOrSaysNothingWasCaptured() {
        DefaultFramework chatty = framework("printf 'x%.0s' $(seq 600); exit 1 {filters}", "true");
        DefaultFramework silent = framework("exit 4 {filters}", "true");

        assertThatThrownBy(() -> chatty.discover(request("unit", "")))
                .hasMessageEndingWith("\n" + "x".repeat(500) + "... (truncated)");
        assertThatThrownBy(() -> silent.discover(request("unit", "")))
                .hasMessageEndingWith("sh exited with status 4\ncommand: sh -c 'exit 4 '\nno output captured");
    }

    @Test
    void resultFilePlaceholderGetsTheQuotedResultPathAndIdsArriveIntact() throws Exception {
        DefaultFramework framework = framework("true {filters}", "python3 junit.py {result_file} {tests}");
        BatchRequest batch = batch(7, WEIRD_IDS);

        BatchCommand command = framework.batchCommand(batch);
        TestProcesses.Ran ran = TestProcesses.runBatch(command, project);

        assertThat(ran.exitStatus()).as(ran.output()).isZero();
        assertThat(command.resultPath()).contains(runTemp + "/batch-7.xml");
        List<TestCaseResult> results =
                framework.readResults(Path.of(command.resultPath().orElseThrow()), batch);
        assertThat(results).extracting(TestCaseResult::name).containsExactlyElementsOf(WEIRD_IDS);
        assertThat(results)
                .extracting(TestCaseResult::status)
                .endsWith(Status.FAILED)
                .contains(Status.PASSED);
        assertThat(project).isDirectoryNotContaining("glob:**/pwned*");
    }

    @Test
    void fixedResultFileIsDeletedBeforeAndCollectedAfterTheBatch() throws Exception {
        Files.createDirectories(project.resolve("out dir"));
        Files.writeString(project.resolve("out dir/junit.xml"), "<testsuite><testcase name=\"stale\"/></testsuite>");
        DefaultFramework writes = framework(
                "true {filters}", "python3 junit.py 'out dir/junit.xml' {tests}", Optional.of("out dir/junit.xml"));
        BatchRequest batch = batch(2, WEIRD_IDS);

        BatchCommand command = writes.batchCommand(batch);
        TestProcesses.runBatch(command, project);

        assertThat(writes.readResults(Path.of(command.resultPath().orElseThrow()), batch))
                .extracting(TestCaseResult::name)
                .containsExactlyElementsOf(WEIRD_IDS);
        assertThat(project).isDirectoryNotContaining("glob:**/pwned*");
    }

    @Test
    void fixedResultFileThatTheRunnerDidNotWriteLeavesNoResultAndKeepsTheExitStatus() throws Exception {
        Files.writeString(project.resolve("junit.xml"), "<testsuite><testcase name=\"stale\"/></testsuite>");
        DefaultFramework forgets = framework("true {filters}", "exit 6", Optional.of("junit.xml"));

        BatchCommand command = forgets.batchCommand(batch(2, List.of("a")));
        TestProcesses.Ran ran = TestProcesses.runBatch(command, project);

        assertThat(ran.exitStatus()).isEqualTo(6);
        assertThat(Path.of(command.resultPath().orElseThrow())).doesNotExist();
        assertThat(project.resolve("junit.xml")).doesNotExist();
    }

    @Test
    void withoutResultFileTheBatchStatusIsEveryTestsResult() throws Exception {
        DefaultFramework framework =
                framework("true {filters}", "for t in {tests}; do [ \"$t\" != bad ] || exit 3; done");

        BatchCommand passing = framework.batchCommand(batch(1, WEIRD_IDS));
        BatchCommand failing = framework.batchCommand(batch(2, List.of("ok", "bad")));

        assertThat(passing.resultPath()).isEmpty();
        assertThat(TestProcesses.runBatch(passing, project).exitStatus()).isZero();
        assertThat(TestProcesses.runBatch(failing, project).exitStatus()).isEqualTo(3);
        assertThat(project).isDirectoryNotContaining("glob:**/pwned*");
        assertThat(framework.exitStatusMode()).isTrue();
        assertThat(framework.exitStatusModeWarning()).get().asString().contains("set result_file");

        Map<String, TestCaseResult> results = DefaultFramework.exitStatusResults(List.of("ok", "bad"), 3);
        assertThat(results).containsOnlyKeys("ok", "bad");
        assertThat(results.values()).allSatisfy(r -> {
            assertThat(r.status()).isEqualTo(Status.FAILED);
            assertThat(r.failure().orElseThrow().message())
                    .isEqualTo("batch exited with status 3; no per-test results (set result_file)");
        });
        assertThat(DefaultFramework.exitStatusResults(List.of("ok"), 0)
                        .get("ok")
                        .status())
                .isEqualTo(Status.PASSED);
    }

    @Test
    void resultModesOtherThanExitStatusHaveNoStartWarning() {
        assertThat(framework("x {filters}", "y {result_file} {tests}").exitStatusModeWarning())
                .isEmpty();
        assertThat(framework("x {filters}", "y {tests}", Optional.of("r.xml")).exitStatusModeWarning())
                .isEmpty();
    }

    @Test
    void failFastOnlyWarns() {
        DefaultFramework framework = framework("x {filters}", "run {tests}");

        assertThat(framework.failFastWarning()).get().asString().contains("no stop flag");
        assertThat(framework
                        .batchCommand(new BatchRequest(1, List.of("a"), "AbC1", "/tmp/r", true))
                        .script())
                .isEqualTo(framework.batchCommand(batch(1, List.of("a"))).script());
    }

    @Test
    void workingDirBecomesTheBatchSubdirectoryBelowTheSandboxRoot() {
        Path configDir = Path.of("/repo/cfg");

        assertThat(withWorkingDir("packages/app", configDir)
                        .batchCommand(batch(1, List.of("a")))
                        .workingSubdir())
                .contains("packages/app");
        assertThat(withWorkingDir("/repo/cfg/web/", configDir)
                        .batchCommand(batch(1, List.of("a")))
                        .workingSubdir())
                .contains("web");
        assertThat(withWorkingDir(".", configDir)
                        .batchCommand(batch(1, List.of("a")))
                        .workingSubdir())
                .isEmpty();
    }

    private DefaultFramework withWorkingDir(String workingDir, Path configDir) {
        return new DefaultFramework(
                new FrameworkConfig.Default(
                        "x {filters}", "y {tests}", Optional.empty(), Optional.of(workingDir), "{name}"),
                configDir);
    }

    private DefaultFramework framework(String discover, String run) {
        return framework(discover, run, Optional.empty());
    }

    private DefaultFramework framework(String discover, String run, Optional<String> resultFile) {
        return new DefaultFramework(
                new FrameworkConfig.Default(discover, run, resultFile, Optional.empty(), "{name}"), project);
    }

    private DiscoveryRequest request(String group, String filters) {
        return new DiscoveryRequest(group, filters, project, runTemp);
    }

    private BatchRequest batch(int number, List<String> ids) {
        return new BatchRequest(number, ids, "AbC1", runTemp.toString(), false);
    }
}
