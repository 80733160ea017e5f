package dev.offload.core.framework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.offload.core.config.FrameworkConfig;
import dev.offload.core.framework.TestCaseResult.Status;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * nextest command lines, list parsing and filter escaping, plus an end-to-end run of the real {@code cargo} with a
 * STAND-IN {@code cargo-nextest} (src/test/resources/nextest-standin: cargo-nextest cannot be installed on our
 * machines, SPEC §3.3) over the fixture crate {@code nextest-crate}.
 */
class NextestFrameworkTest {
    private static final String STANDIN = "src/test/resources/nextest-standin/cargo-nextest";

    @TempDir
    static Path crate;

    @TempDir
    static Path standinDir;

    @TempDir
    Path runTemp;

    @BeforeAll
    static void copyCrateAndStandin() throws IOException {
        TestProcesses.copyFixture("nextest-crate", crate);
        Path standin = Files.copy(Path.of(STANDIN), standinDir.resolve("cargo-nextest"));
        assertThat(standin.toFile().setExecutable(true)).isTrue();
    }

    @Test
    void filterValuesEscapeBackslashParenthesisAndComma() {
        assertThat(NextestFilter.escape("a\\b)c,d(e")).isEqualTo("a\\\\b\\)c\\,d(e");
        assertThat(NextestFilter.of(List.of("crate::it tests::x(1,2)", "crate plain")))
                .isEqualTo("(binary_id(=crate::it) & test(=tests::x(1\\,2\\))) | (binary_id(=crate) & test(=plain))");
    }

    @Test
    void listKeepsMatchingAndUnfilteredTestsAsBinaryIdSpaceName() throws Exception {
        List<DiscoveredTest> tests = NextestFramework.parseList(LIST_JSON, "g");

        assertThat(tests)
                .extracting(DiscoveredTest::id, DiscoveredTest::classname)
                .containsExactly(
                        tuple("mycrate tests::adds", "mycrate"),
                        tuple("mycrate::integration tests::round_trip", "mycrate::integration"),
                        tuple("mycrate::bin/tool old_nextest_without_filter_match", "mycrate::bin/tool"));
    }

    @Test
    void listThatIsNotATestListFailsDiscoveryWithTheOutput() {
        assertThatThrownBy(() -> NextestFramework.parseList("error: no such command: `nextest`", "unit"))
                .isInstanceOf(DiscoveryException.class)
                .hasMessage("discovery failed for group 'unit': cargo nextest list did not print a test list"
                        + " (rust-suites): error: no such command: `nextest`");
    }

    @Test
    void discoveryAndBatchPassPackageFeaturesBinAndRunIgnoredAll() throws Exception {
        var framework = new NextestFramework(new FrameworkConfig.Nextest(
                Optional.of("my-crate"), List.of("a", "b"), Optional.of("tool"), true, "{classname} {name}"));

        assertThat(framework.discoveryArgv(new DiscoveryRequest("g", "--lib 'x y'", crate, runTemp)))
                .containsExactly(
                        "cargo",
                        "nextest",
                        "list",
                        "--message-format",
                        "json",
                        "-p",
                        "my-crate",
                        "--features",
                        "a,b",
                        "--bin",
                        "tool",
                        "--run-ignored",
                        "all",
                        "--lib",
                        "x y");
        BatchCommand command = framework.batchCommand(
                new BatchRequest(4, List.of("my-crate tests::a"), "run", "/tmp/offload-run", true));
        assertThat(command.script())
                .endsWith("\ncargo nextest run --tool-config-file offload:/tmp/offload-run/batch-4.nextest.toml"
                        + " --profile offload --fail-fast -p my-crate --features a,b --bin tool --run-ignored all"
                        + " -E '(binary_id(=my-crate) & test(=tests::a))'\n");
        assertThat(command.resultPath()).contains("/tmp/offload-run/batch-4.xml");
    }

    @Test
    void toolConfigDefinesProfileOffloadWithJunitPathAndNoRetries() throws Exception {
        BatchCommand command = framework(false)
                .batchCommand(new BatchRequest(
                        2,
                        List.of("c t"),
                        "run",
                        runTemp.resolve("odd \"dir\" 'q'").toString(),
                        false));
        Files.createDirectories(runTemp.resolve("odd \"dir\" 'q'"));
        // Only the tool-file part: the cargo line would need a crate.
        String writer = command.script().lines().findFirst().orElseThrow();
        assertThat(TestProcesses.runBatch(
                                new BatchCommand(writer, Map.of(), Optional.empty(), Optional.empty()), runTemp)
                        .exitStatus())
                .isZero();

        TomlParseResult toml = Toml.parse(runTemp.resolve("odd \"dir\" 'q'/batch-2.nextest.toml"));
        assertThat(toml.errors()).isEmpty();
        assertThat(toml.getLong("profile.offload.retries")).isZero();
        assertThat(toml.getString("profile.offload.junit.path"))
                .isEqualTo(command.resultPath().orElseThrow());
    }

    @Test
    void standinDiscoveryListsNonIgnoredTestsAndIncludeIgnoredAddsThem() throws Exception {
        requireCargo();

        assertThat(framework(false).discover(new DiscoveryRequest("g", "", crate, runTemp)))
                .extracting(DiscoveredTest::id)
                .containsExactly(
                        "nextest_fixture tests::adds",
                        "nextest_fixture tests::fails_on_purpose",
                        "nextest_fixture::round_trip round_trip");
        assertThat(framework(true).discover(new DiscoveryRequest("g", "adds ignored", crate, runTemp)))
                .extracting(DiscoveredTest::id, DiscoveredTest::classname)
                .containsExactly(
                        tuple("nextest_fixture tests::adds", "nextest_fixture"),
                        tuple("nextest_fixture tests::ignored_slow", "nextest_fixture"));
    }

    @Test
    void standinBatchRunsExactlyTheBatchAndResolvesEveryTestcase() throws Exception {
        requireCargo();
        List<String> ids = List.of(
                "nextest_fixture tests::fails_on_purpose",
                "nextest_fixture tests::ignored_slow",
                "nextest_fixture::round_trip round_trip");
        NextestFramework framework = framework(true);
        BatchCommand command = framework.batchCommand(new BatchRequest(1, ids, "run", runTemp.toString(), false));

        TestProcesses.Ran ran = TestProcesses.runBatch(withStandin(command), crate);

        assertThat(ran.exitStatus()).as(ran.output()).isEqualTo(100);
        Path result = Path.of(command.resultPath().orElseThrow());
        Map<String, TestCaseResult> resolved = TestCaseResolver.resolve(
                framework.readResults(result, null), ids, framework.testIdFormat(), warning -> {
                    throw new AssertionError(warning);
                });
        assertThat(resolved).containsOnlyKeys(ids);
        assertThat(resolved.get("nextest_fixture tests::fails_on_purpose").status())
                .isEqualTo(Status.FAILED);
        assertThat(resolved.get("nextest_fixture tests::fails_on_purpose")
                        .failure()
                        .orElseThrow()
                        .body())
                .contains("two and two");
        assertThat(resolved.get("nextest_fixture tests::ignored_slow").status()).isEqualTo(Status.PASSED);
        assertThat(resolved.get("nextest_fixture::round_trip round_trip").status())
                .isEqualTo(Status.PASSED);
    }

    @Test
    void standinFailFastStopsAfterTheFirstFailure() throws Exception {
        requireCargo();
        // The stand-in runs binaries in binary-id order, like nextest lists them: the failure comes first.
        List<String> ids = List.of("nextest_fixture tests::fails_on_purpose", "nextest_fixture::round_trip round_trip");
        NextestFramework framework = framework(false);
        BatchCommand command = framework.batchCommand(new BatchRequest(7, ids, "run", runTemp.toString(), true));

        TestProcesses.runBatch(withStandin(command), crate);

        assertThat(framework.readResults(Path.of(command.resultPath().orElseThrow()), null))
                .extracting(TestCaseResult::classname, TestCaseResult::name, TestCaseResult::status)
                .containsExactly(tuple("nextest_fixture", "tests::fails_on_purpose", Status.FAILED));
    }

    private static NextestFramework framework(boolean includeIgnored) {
        return new NextestFramework(
                new FrameworkConfig.Nextest(
                        Optional.empty(), List.of(), Optional.empty(), includeIgnored, "{classname} {name}"),
                Map.of("PATH", pathWithStandin()));
    }

    private static BatchCommand withStandin(BatchCommand command) {
        return new BatchCommand(
                "PATH=" + dev.offload.core.provider.Shell.quote(pathWithStandin()) + "\nexport PATH\n"
                        + command.script(),
                command.env(),
                command.workingSubdir(),
                command.resultPath());
    }

    private static String pathWithStandin() {
        return standinDir + ":" + System.getenv("PATH");
    }

    /** Skips visibly without cargo, except under CI=true where .ci/run must have installed it (SPEC §3.3). */
    private static void requireCargo() throws Exception {
        Process probe = new ProcessBuilder("sh", "-c", "command -v cargo").start();
        boolean present = probe.waitFor() == 0;
        if (!present && "true".equals(System.getenv("CI"))) {
            throw new AssertionError("cargo is not on PATH, but CI=true requires it for the nextest stand-in tests");
        }
        assumeTrue(present, "cargo is not on PATH: skipping the nextest stand-in tests");
    }

    /** The shape `cargo nextest list --message-format json` prints (nextest 0.9; trimmed build metadata). */
    private static final String LIST_JSON = """
            {"rust-build-meta": {"target-directory": "/w/target", "base-output-directories": ["debug"],
               "non-test-binaries": {}, "linked-paths": [], "platforms": {}},
             "test-count": 3,
             "rust-suites": {
              "mycrate": {"package-name": "mycrate", "binary-id": "mycrate", "binary-name": "mycrate",
                "package-id": "path+file:///w#mycrate@0.1.0", "kind": "lib",
                "binary-path": "/w/target/debug/deps/mycrate-0123", "build-platform": "target", "cwd": "/w",
                "status": "listed",
                "testcases": {
                  "tests::adds": {"ignored": false, "filter-match": {"status": "matches"}},
                  "tests::slow": {"ignored": true, "filter-match": {"status": "mismatch", "reason": "ignored"}},
                  "tests::other": {"ignored": false, "filter-match": {"status": "mismatch", "reason": "string"}}}},
              "mycrate::integration": {"package-name": "mycrate", "binary-id": "mycrate::integration",
                "binary-name": "integration", "package-id": "path+file:///w#mycrate@0.1.0", "kind": "test",
                "binary-path": "/w/target/debug/deps/integration-4567", "build-platform": "target", "cwd": "/w",
                "status": "listed",
                "testcases": {"tests::round_trip": {"ignored": false, "filter-match": {"status": "matches"}}}},
              "mycrate::bin/tool": {"package-name": "mycrate", "binary-id": "mycrate::bin/tool",
                "binary-name": "tool", "kind": "bin", "binary-path": "/w/target/debug/deps/tool-89ab",
                "build-platform": "target", "cwd": "/w", "status": "listed",
                "testcases": {"old_nextest_without_filter_match": {"ignored": false}}}}}
            """;
}
