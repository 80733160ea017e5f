package dev.offload.core.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.offload.core.config.FrameworkConfig;
import dev.offload.core.framework.TestCaseResult.Status;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real pytest (python3 -m pytest) on the fixture suite {@code pytest-suite}. */
class PytestFrameworkTest {
    private static final String COMMAND = "python3 -m pytest";

    @TempDir
    Path project;

    @TempDir
    Path runTemp;

    private final PytestFramework pytest = framework(Optional.empty());

    @BeforeEach
    void copySuite() {
        TestProcesses.copyFixture("pytest-suite", project);
    }

    @Test
    void discoversParametrizedClassAndWeirdIdsInPytestOrder() throws Exception {
        List<DiscoveredTest> tests = pytest.discover(request("weird", "tests/test_weird.py"));

        assertThat(tests)
                .extracting(DiscoveredTest::id)
                .containsExactly(
                        "tests/test_weird.py::test_id[with space]",
                        "tests/test_weird.py::test_id[it's quoted]",
                        "tests/test_weird.py::test_id[double \"quoted\"]",
                        "tests/test_weird.py::test_id[$(touch pwned-subst)]",
                        "tests/test_weird.py::test_id[`touch pwned-backtick`]",
                        "tests/test_weird.py::test_id[semi; touch pwned-semi]",
                        "tests/test_weird.py::test_id[pipe | amp & lt < gt >]",
                        // pytest escapes non-ASCII characters in parametrize ids
                        "tests/test_weird.py::test_id[\\xfcn\\xefc\\xf8d\\xe9 \\xdf]",
                        "tests/test_weird.py::test_id[glob * ?]",
                        "tests/test_weird.py::TestInClass::test_method[x y]",
                        "tests/test_weird.py::TestInClass::test_method[$HOME]");
        assertThat(tests)
                .extracting(DiscoveredTest::group, DiscoveredTest::classname)
                .containsOnly(tuple("weird", "tests/test_weird.py"));
        assertThat(project).isDirectoryNotContaining("glob:**/pwned*");
    }

    @Test
    void batchRunsEveryWeirdIdAsOneArgumentAndNothingThroughAShell() throws Exception {
        List<String> ids = pytest.discover(request("weird", "tests/test_weird.py")).stream()
                .map(DiscoveredTest::id)
                .toList();
        BatchRequest batch = new BatchRequest(3, ids, "AbC1", runTemp.toString(), false);
        BatchCommand command = pytest.batchCommand(batch);

        TestProcesses.Ran ran = TestProcesses.runBatch(command, project);

        assertThat(ran.exitStatus()).as(ran.output()).isZero();
        assertThat(command.resultPath()).contains(runTemp + "/batch-3.xml");
        List<TestCaseResult> results =
                pytest.readResults(Path.of(command.resultPath().orElseThrow()), batch);
        assertThat(results).extracting(TestCaseResult::name).containsExactlyElementsOf(ids);
        assertThat(results).extracting(TestCaseResult::status).containsOnly(Status.PASSED);
        assertThat(project).isDirectoryNotContaining("glob:**/pwned*");
        assertThat(runTemp.resolve("py/offload_pytest.py"))
                .hasContent(PytestPlugin.source().strip());
    }

    @Test
    void everyPhaseOfATestcaseIsNamedWithTheFullNodeId() throws Exception {
        String file = "tests/test_phases.py";
        List<String> ids = pytest.discover(request("phases", file)).stream()
                .map(DiscoveredTest::id)
                .toList();
        BatchRequest batch = new BatchRequest(1, ids, "AbC1", runTemp.toString(), false);
        BatchCommand command = pytest.batchCommand(batch);

        assertThat(TestProcesses.runBatch(command, project).exitStatus()).isEqualTo(1);

        List<TestCaseResult> results =
                pytest.readResults(Path.of(command.resultPath().orElseThrow()), batch);
        assertThat(results)
                .extracting(
                        TestCaseResult::name,
                        TestCaseResult::status,
                        r -> r.failure().map(f -> f.error()))
                .containsExactly(
                        tuple(file + "::test_setup_error", Status.FAILED, Optional.of(true)),
                        tuple(file + "::test_call_fails_then_teardown_errors", Status.FAILED, Optional.of(false)),
                        tuple(file + "::test_call_fails_then_teardown_errors", Status.FAILED, Optional.of(true)),
                        tuple(file + "::TestPhases::test_teardown_error[one id]", Status.FAILED, Optional.of(true)),
                        // a skip carries its reason as a non-error failure element (the report writes <skipped
                        // message>)
                        tuple(file + "::TestPhases::test_skipped", Status.SKIPPED, Optional.of(false)),
                        tuple(file + "::TestPhases::test_passes", Status.PASSED, Optional.empty()));
        assertThat(results.get(0).failure().orElseThrow().body()).contains("setup boom");
        assertThat(results.get(2).failure().orElseThrow().body()).contains("teardown boom");
        assertThat(results).extracting(TestCaseResult::classname).allMatch(c -> c.startsWith("tests.test_phases"));
    }

    @Test
    void failFastStopsTheBatchAtTheFirstFailure() throws Exception {
        String file = "tests/test_phases.py";
        List<String> ids = List.of(file + "::test_call_fails_then_teardown_errors", file + "::TestPhases::test_passes");
        BatchRequest batch = new BatchRequest(2, ids, "AbC1", runTemp.toString(), true);
        BatchCommand command = pytest.batchCommand(batch);

        TestProcesses.runBatch(command, project);

        assertThat(command.script()).contains(" -x ");
        assertThat(pytest.readResults(Path.of(command.resultPath().orElseThrow()), batch))
                .extracting(TestCaseResult::name)
                .doesNotContain(file + "::TestPhases::test_passes");
    }

    @Test
    void runArgsAreSplitLikeAShellAndPassedToBatchesOnly() throws Exception {
        PytestFramework withArgs = framework(Optional.of("-k 'not test_div' -p no:cacheprovider"));
        List<String> ids =
                List.of("tests/test_math.py::TestOps::test_div[1-1]", "tests/test_math.py::TestOps::test_add");
        BatchRequest batch = new BatchRequest(1, ids, "AbC1", runTemp.toString(), false);
        BatchCommand command = withArgs.batchCommand(batch);

        TestProcesses.Ran ran = TestProcesses.runBatch(command, project);

        assertThat(ran.exitStatus()).as(ran.output()).isZero();
        assertThat(withArgs.readResults(Path.of(command.resultPath().orElseThrow()), batch))
                .extracting(TestCaseResult::name)
                .containsExactly("tests/test_math.py::TestOps::test_add");
        assertThat(withArgs.discover(request("all", "tests/test_math.py"))).hasSize(4);
    }

    @Test
    void markAndKeywordFiltersSelectTheGroupsTests() throws Exception {
        assertThat(pytest.discover(request("slow", "-m slow")))
                .extracting(DiscoveredTest::id)
                .containsExactly("tests/test_math.py::test_slow_add");
        assertThat(pytest.discover(request("fast-adds", "-m 'not slow' -k \"add and not slow\"")))
                .extracting(DiscoveredTest::id)
                .containsExactly("tests/test_math.py::TestOps::test_add");
    }

    @Test
    void configuredPathsLimitDiscovery() throws Exception {
        PytestFramework onlyMath = new PytestFramework(new FrameworkConfig.Pytest(
                Optional.of(List.of("tests/test_math.py")), COMMAND, Optional.empty(), "{name}"));

        assertThat(onlyMath.discover(request("unit", "")))
                .extracting(DiscoveredTest::classname)
                .containsOnly("tests/test_math.py")
                .hasSize(4);
    }

    @Test
    void groupSelectingNothingDiscoversNoTests() throws Exception {
        assertThat(pytest.discover(request("none", "-k no_such_test"))).isEmpty();
    }

    @Test
    void syntaxErrorInATestFileFailsDiscoveryNamingGroupProgramAndStatus(@TempDir Path broken) throws Exception {
        Files.writeString(broken.resolve("test_broken.py"), "def test_x(:\n    pass\n");

        assertThatThrownBy(() -> pytest.discover(new DiscoveryRequest("unit", "", broken, runTemp)))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageStartingWith("discovery failed for group 'unit': python3 exited with status 2\n"
                        + "command: python3 -m pytest --collect-only -q -p offload_pytest '--rootdir=.'\n")
                .hasMessageContaining("ERROR collecting test_broken.py")
                .hasMessageEndingWith("... (truncated)");
    }

    @Test
    void missingCommandFailsDiscoveryNamingTheProgram() {
        PytestFramework missing = new PytestFramework(
                new FrameworkConfig.Pytest(Optional.empty(), "no-such-pytest-xyz -q", Optional.empty(), "{name}"));

        assertThatThrownBy(() -> missing.discover(request("unit", "")))
                .isInstanceOf(DiscoveryException.class)
                .hasMessageStartingWith(
                        "discovery failed for group 'unit': cannot run no-such-pytest-xyz: No such file or directory\n"
                                + "command: no-such-pytest-xyz -q --collect-only");
    }

    @Test
    void unclosedQuoteInFiltersFailsDiscoveryNamingTheGroup() {
        assertThatThrownBy(() -> pytest.discover(request("unit", "-k 'oops")))
                .isInstanceOf(DiscoveryException.class)
                .hasMessage("invalid filters for group 'unit': unclosed single quote at character 4 in: -k 'oops"
                        + " (close it or escape it)");
    }

    @Test
    void unclosedQuoteInCommandIsRejectedNamingTheKey() {
        assertThatThrownBy(() -> new PytestFramework(
                        new FrameworkConfig.Pytest(Optional.empty(), "python3 -m 'pytest", Optional.empty(), "{name}")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("framework.command: unclosed single quote");
    }

    @Test
    void stdoutLinesAreTheFallbackWhenThePluginWroteNoCollectFile() {
        String stdout =
                "tests/a.py::test_x\n  tests/b.py::T::test_y[a b]  \n<Module a.py>\n\n2 tests collected in 0.1s\n";

        assertThat(PytestFramework.idsFromStdout(stdout))
                .containsExactly("tests/a.py::test_x", "tests/b.py::T::test_y[a b]");
    }

    @Test
    void withPytest82OrNewerBatchesReadTheirIdsFromAFileNextToTheResult() throws Exception {
        List<String> ids = pytest.discover(request("weird", "tests/test_weird.py")).stream()
                .map(DiscoveredTest::id)
                .toList();
        assertThat(pytest.readsIdsFromFile())
                .as("pytest 9 reported at discovery")
                .isTrue();
        BatchRequest batch = new BatchRequest(4, ids, "AbC1", runTemp.toString(), false);
        BatchCommand command = pytest.batchCommand(batch);

        TestProcesses.Ran ran = TestProcesses.runBatch(command, project);

        assertThat(ran.exitStatus()).as(ran.output()).isZero();
        assertThat(command.script()).contains("@" + runTemp + "/batch-4.ids");
        assertThat(runTemp.resolve("batch-4.ids")).hasContent(String.join("\n", ids));
        assertThat(pytest.readResults(Path.of(command.resultPath().orElseThrow()), batch))
                .extracting(TestCaseResult::name)
                .containsExactlyElementsOf(ids);
        assertThat(project).isDirectoryNotContaining("glob:**/pwned*");
    }

    @Test
    void olderPytestKeepsIdsOnTheCommandLine() throws Exception {
        // A stand-in for pytest 8.1 (only pytest 9 is installed here): it writes the plugin's collect file as the
        // plugin would under that version.
        Files.writeString(project.resolve("old_pytest.py"), """
                import json, os
                with open(os.environ["OFFLOAD_PYTEST_COLLECT_FILE"], "w") as out:
                    out.write(json.dumps({"pytest_version": "8.1.2"}) + "\\n")
                    out.write(json.dumps("tests/test_a.py::test_x") + "\\n")
                """);
        var old = new PytestFramework(
                new FrameworkConfig.Pytest(Optional.empty(), "python3 old_pytest.py", Optional.empty(), "{name}"));

        assertThat(old.discover(request("all", "")))
                .extracting(DiscoveredTest::id)
                .containsExactly("tests/test_a.py::test_x");

        assertThat(old.readsIdsFromFile()).isFalse();
        String script = old.batchCommand(new BatchRequest(0, List.of("tests/test_a.py::test_x"), "r", "/tmp/r", false))
                .script();
        assertThat(script).doesNotContain("batch-0.ids").endsWith(" tests/test_a.py::test_x\n");
    }

    @Test
    void beforeDiscoveryIdsStayOnTheCommandLine() {
        assertThat(pytest.readsIdsFromFile()).isFalse();
    }

    private PytestFramework framework(Optional<String> runArgs) {
        return new PytestFramework(new FrameworkConfig.Pytest(Optional.empty(), COMMAND, runArgs, "{name}"));
    }

    private DiscoveryRequest request(String group, String filters) {
        return new DiscoveryRequest(group, filters, project, runTemp);
    }
}
