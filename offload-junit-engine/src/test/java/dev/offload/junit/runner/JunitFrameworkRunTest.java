package dev.offload.junit.runner;

import static dev.offload.junit.runner.RunnerFixtures.method;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import dev.offload.core.run.OffloadRun;
import dev.offload.core.run.RunObserver;
import dev.offload.core.run.RunOptions;
import dev.offload.core.run.RunResult;
import dev.offload.core.run.TestOutcome;
import dev.offload.core.run.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Whole runs of the junit framework on the local provider: real discovery, real batch JVMs, real verdicts. */
@Timeout(300)
class JunitFrameworkRunTest {
    private static final String TEMPLATE =
            RunnerFixtures.JUPITER + "/[class:com.acme.ParamTest]/[test-template:notTwo(int)]";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(JunitLine.class)
    void verdictsFollowTheTestsOnBothJunitLines(JunitLine line) throws Exception {
        var fixtures = new RunnerFixtures(dir, line);
        writeConfig(fixtures, "");

        RunResult result = run();

        Map<String, Verdict> verdicts = verdicts(result);
        assertThat(verdicts)
                .containsEntry(method("PassingTest", "printsToStdout()"), Verdict.PASSED)
                .containsEntry(method("FailingTest", "assertionFails()"), Verdict.FAILED)
                .containsEntry(method("FailingTest", "disabled()"), Verdict.SKIPPED)
                .containsEntry(method("FlakyTest", "failsOnce()"), Verdict.FLAKY)
                .containsEntry(TEMPLATE + "/[test-template-invocation:#1]", Verdict.PASSED)
                .containsEntry(TEMPLATE + "/[test-template-invocation:#2]", Verdict.FAILED)
                .containsEntry(TEMPLATE + "/[test-template-invocation:#3]", Verdict.PASSED)
                .containsEntry(method("BrokenSetupTest", "needsDatabase()"), Verdict.FAILED)
                .containsEntry(method("DisabledClassTest", "never()"), Verdict.SKIPPED)
                .containsEntry(method("ExitTest", "before()"), Verdict.PASSED)
                .containsEntry(method("ExitTest", "exits()"), Verdict.ERROR)
                .containsEntry(method("ExitTest", "after()"), Verdict.PASSED)
                // An @AfterAll failure: the tests pass, the class fails as a test of its own (Surefire counts both).
                .containsEntry(method("CleanupFailsTest", "first()"), Verdict.PASSED)
                .containsEntry(method("CleanupFailsTest", "second()"), Verdict.PASSED)
                .containsEntry(RunnerFixtures.JUPITER + "/[class:com.acme.CleanupFailsTest]", Verdict.FAILED)
                .doesNotContainKey(TEMPLATE);
        // System.exit(3): the error names the exit and the test its start event said was running.
        assertThat(outcome(result, method("ExitTest", "exits()")).cause())
                .hasValue("the batch JVM exited with status 3 while " + method("ExitTest", "exits()")
                        + " was running (System.exit in the test, or a fatal JVM error); it wrote no result file");
        // The failed invocation was retried alone: its second attempt ran in a batch that held nothing else.
        TestOutcome second = outcome(result, TEMPLATE + "/[test-template-invocation:#2]");
        assertThat(second.attempts()).hasSize(2);
        assertThat(result.outcomes()).hasSize(verdicts.size());
        String junitXml = Files.readString(dir.resolve("test-results/junit.xml"));
        assertThat(junitXml)
                .contains("name=\"" + TEMPLATE.replace("\"", "&quot;")
                        + "/[test-template-invocation:#2]\" classname=\"com.acme.ParamTest\"");
    }

    @ParameterizedTest
    @EnumSource(value = JunitLine.class, names = "PLATFORM_6")
    void aTopLevelClassWithItsNestedClassesIsOneBatchByDefault(JunitLine line) throws Exception {
        var fixtures = new RunnerFixtures(dir, line);
        writeConfig(fixtures, "");

        run();

        List<String> parts = batchParts();
        assertThat(parts)
                .filteredOn(p -> p.contains("com.acme.NestedTest"))
                .hasSize(1)
                .allSatisfy(p -> assertThat(p).contains("[method:outer()]").contains("[method:inner()]"));
        assertThat(parts)
                .filteredOn(p -> p.contains("printsToStdout()") && p.contains("printsToStderr()"))
                .hasSize(1);
    }

    @ParameterizedTest
    @EnumSource(value = JunitLine.class, names = "PLATFORM_6")
    void methodGranularitySchedulesEachMethodAlone(JunitLine line) throws Exception {
        var fixtures = new RunnerFixtures(dir, line);
        writeConfig(fixtures, "granularity = \"method\"\n");
        // Only PassingTest's two methods: as units of their own they get a batch each (by class they would share one).
        Files.writeString(
                dir.resolve("offload.toml"),
                "filters = \"--select-class com.acme.PassingTest\"\n",
                java.nio.file.StandardOpenOption.APPEND);

        run();

        assertThat(batchParts())
                .hasSize(2)
                .noneMatch(p -> p.contains("printsToStdout()") && p.contains("printsToStderr()"));
    }

    @ParameterizedTest
    @EnumSource(value = JunitLine.class, names = "PLATFORM_6")
    void theCliTakesTheClasspathFromClasspathCommandAndGroupsSelectWithFilters(JunitLine line) throws Exception {
        var fixtures = new RunnerFixtures(dir, line);
        String classpath = Stream.concat(fixtures.line.jars().stream(), Stream.of(fixtures.classes))
                .map(Path::toString)
                .collect(Collectors.joining(":"));
        Files.writeString(dir.resolve("classpath.txt"), classpath + "\n");
        Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 2
                test_timeout_secs = 120

                [provider]
                type = "local"

                [framework]
                type = "junit"
                classpath_command = "cat classpath.txt"
                test_dirs = ["classes"]

                [groups.fast]
                filters = "--include-tag fast"

                [groups.passing]
                filters = "--select-class com.acme.PassingTest"
                """);

        RunResult result = run();

        assertThat(result.outcomes())
                .extracting(o -> o.test().group() + " " + o.test().id() + " " + o.verdict())
                .containsExactlyInAnyOrder(
                        "fast " + method("PassingTest", "printsToStdout()") + " PASSED",
                        "passing " + method("PassingTest", "printsToStderr()") + " PASSED");
    }

    private RunResult run() throws Exception {
        var config = ConfigLoader.load(dir.resolve("offload.toml"), LoadOptions.cli(false));
        return new OffloadRun(config, RunOptions.defaults(), RunObserver.NONE, Clock.systemUTC()).execute();
    }

    private void writeConfig(RunnerFixtures fixtures, String extra) throws Exception {
        String classpath = Stream.concat(fixtures.line.jars().stream(), Stream.of(fixtures.classes))
                .map(p -> "\"" + p + "\"")
                .collect(Collectors.joining(", "));
        Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 3
                test_timeout_secs = 120
                impatiently_requeue_batches = false

                [provider]
                type = "local"

                [framework]
                type = "junit"
                classpath = [%s]
                test_dirs = ["classes"]
                %s
                [groups.all]
                retry_count = 1
                """.formatted(classpath, extra));
    }

    private List<String> batchParts() throws Exception {
        try (Stream<Path> files = Files.list(dir.resolve("test-results/junit-parts"))) {
            return files.sorted()
                    .map(p -> {
                        try {
                            return Files.readString(p);
                        } catch (java.io.IOException e) {
                            throw new java.io.UncheckedIOException(e);
                        }
                    })
                    .toList();
        }
    }

    private static Map<String, Verdict> verdicts(RunResult result) {
        Map<String, Verdict> verdicts = new LinkedHashMap<>();
        result.outcomes().forEach(o -> verdicts.put(o.test().id(), o.verdict()));
        return verdicts;
    }

    private static TestOutcome outcome(RunResult result, String id) {
        return result.outcomes().stream()
                .filter(o -> o.test().id().equals(id))
                .findFirst()
                .orElseThrow();
    }
}
