package dev.offload.junit.runner;

import static dev.offload.junit.runner.RunnerFixtures.method;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The in-sandbox runner on both JUnit lines, in fresh JVMs, over real Jupiter test classes. */
class BatchRunnerTest {
    private static final String PARAM_TEMPLATE =
            RunnerFixtures.JUPITER + "/[class:com.acme.ParamTest]/[test-template:notTwo(int)]";
    private static final String FACTORY =
            RunnerFixtures.JUPITER + "/[class:com.acme.ParamTest]/[test-factory:dynamic()]";

    @TempDir
    Path dir;

    @ParameterizedTest
    @EnumSource(JunitLine.class)
    void discoveryPrintsThePlanWithClassesTagsAndTemplates(JunitLine line) throws Exception {
        var fixtures = new RunnerFixtures(dir, line);
        var jvm = fixtures.discover();

        assertThat(jvm.status()).as(jvm.stderr()).isZero();
        assertThat(jvm.stdout())
                .contains("\"uid\":\"" + method("PassingTest", "printsToStdout()") + "\"")
                .contains("\"tags\":[\"fast\"]")
                .contains("\"uid\":\"" + PARAM_TEMPLATE + "\",\"parent\":\"" + RunnerFixtures.JUPITER
                        + "/[class:com.acme.ParamTest]\",\"kind\":\"CONTAINER\"")
                .contains("\"class\":\"com.acme.NestedTest$Inner\"")
                .contains("\"source\":\"class:com.acme.PassingTest\"")
                .doesNotContain("com.acme.Helper");
    }

    @ParameterizedTest
    @EnumSource(JunitLine.class)
    void discoveryFiltersLikeTheConsoleLauncher(JunitLine line) throws Exception {
        var fixtures = new RunnerFixtures(dir, line);

        var tagged = fixtures.discover("--include-tag", "fast");
        var unknown = fixtures.discover("--include-tags", "fast");

        assertThat(tagged.stdout()).contains("printsToStdout()").doesNotContain("printsToStderr()");
        assertThat(unknown.status()).isNotZero();
        assertThat(unknown.stderr()).contains("unknown option '--include-tags'");
    }

    @ParameterizedTest
    @EnumSource(JunitLine.class)
    void aClassThatFailsAfterItsTestsRanGetsAnErrorOfItsOwnAsInSurefire(JunitLine line) throws Exception {
        var fixtures = new RunnerFixtures(dir, line);
        String cls = RunnerFixtures.JUPITER + "/[class:com.acme.CleanupFailsTest]";

        var jvm = fixtures.run(List.of(method("CleanupFailsTest", "first()"), method("CleanupFailsTest", "second()")));

        assertThat(jvm.status()).as(jvm.stderr()).isZero();
        Map<String, String[]> cases = fixtures.testcases();
        assertThat(cases.get(method("CleanupFailsTest", "first()"))[1]).isEqualTo("passed");
        assertThat(cases.get(method("CleanupFailsTest", "second()"))[1]).isEqualTo("passed");
        assertThat(cases.get(cls))
                .containsExactly(
                        "com.acme.CleanupFailsTest", "error:java.lang.IllegalStateException:cleanup failed", "", "");
        assertThat(jvm.stdout()).contains("\"ev\":\"end\",\"id\":\"" + cls + "\"");
        assertThat(cases).hasSize(3);
    }

    @ParameterizedTest
    @EnumSource(JunitLine.class)
    void runsExactIdsAndWritesSurefireXmlWithOutputAndInvocations(JunitLine line) throws Exception {
        var fixtures = new RunnerFixtures(dir, line);
        List<String> ids = List.of(
                method("PassingTest", "printsToStdout()"),
                method("PassingTest", "printsToStderr()"),
                method("FailingTest", "assertionFails()"),
                method("FailingTest", "throwsException()"),
                method("FailingTest", "disabled()"),
                PARAM_TEMPLATE,
                FACTORY,
                RunnerFixtures.JUPITER + "/[class:com.acme.NestedTest]/[nested-class:Inner]/[method:inner()]",
                method("BrokenSetupTest", "needsDatabase()"),
                method("DisabledClassTest", "never()"));

        var jvm = fixtures.run(ids);

        assertThat(jvm.status()).as(jvm.stderr()).isZero();
        Map<String, String[]> cases = fixtures.testcases();
        assertThat(cases.get(method("PassingTest", "printsToStdout()")))
                .containsExactly("com.acme.PassingTest", "passed", "hello from printsToStdout\n", "");
        assertThat(cases.get(method("PassingTest", "printsToStderr()"))[3]).isEqualTo("warning from printsToStderr\n");
        assertThat(cases.get(method("FailingTest", "assertionFails()"))[1])
                .startsWith("failure:org.opentest4j.AssertionFailedError:arithmetic");
        assertThat(cases.get(method("FailingTest", "assertionFails()"))[2]).isEqualTo("before the failure\n");
        assertThat(cases.get(method("FailingTest", "throwsException()"))[1])
                .isEqualTo("error:java.lang.IllegalStateException:boom");
        assertThat(cases.get(method("FailingTest", "disabled()"))[1]).isEqualTo("skipped::not today");
        assertThat(cases.get(PARAM_TEMPLATE + "/[test-template-invocation:#1]")[1])
                .isEqualTo("passed");
        assertThat(cases.get(PARAM_TEMPLATE + "/[test-template-invocation:#2]")[1])
                .startsWith("failure:");
        assertThat(cases.get(PARAM_TEMPLATE + "/[test-template-invocation:#3]")[1])
                .isEqualTo("passed");
        assertThat(cases).doesNotContainKey(PARAM_TEMPLATE);
        assertThat(cases).containsKeys(FACTORY + "/[dynamic-test:#1]", FACTORY + "/[dynamic-test:#2]");
        assertThat(cases.get(RunnerFixtures.JUPITER
                        + "/[class:com.acme.NestedTest]/[nested-class:Inner]/[method:inner()]")[0])
                .isEqualTo("com.acme.NestedTest$Inner");
        assertThat(cases.get(method("BrokenSetupTest", "needsDatabase()"))[1])
                .isEqualTo("error:java.lang.IllegalStateException:no database");
        assertThat(cases.get(method("DisabledClassTest", "never()"))[1]).isEqualTo("skipped::whole class off");
        assertThat(cases).hasSize(13);
    }

    @ParameterizedTest
    @EnumSource(JunitLine.class)
    void streamsEventLinesOnStdoutAndKeepsTestOutputOffIt(JunitLine line) throws Exception {
        var fixtures = new RunnerFixtures(dir, line);

        var jvm = fixtures.run(List.of(method("PassingTest", "printsToStdout()"), PARAM_TEMPLATE));

        List<String> events = jvm.stdout()
                .lines()
                .filter(l -> l.startsWith("##offload:tok3n## "))
                .toList();
        assertThat(events).first().asString().contains("\"ev\":\"start\"");
        assertThat(events)
                .anyMatch(e -> e.contains("\"ev\":\"end\",\"id\":\"" + method("PassingTest", "printsToStdout()")
                        + "\",\"class\":\"com.acme.PassingTest\",\"status\":\"passed\""))
                .anyMatch(e -> e.contains("\"ev\":\"dyn\",\"id\":\"" + PARAM_TEMPLATE
                        + "/[test-template-invocation:#2]\",\"parent\":\"" + PARAM_TEMPLATE + "\""))
                .anyMatch(e -> e.contains("\"status\":\"failed\"")
                        && e.contains("\"err\":{\"type\":\"org.opentest4j.AssertionFailedError\""));
        // The test's output is in its end event (one JSON line), never loose on stdout.
        assertThat(jvm.stdout().lines().filter(l -> l.contains("hello from printsToStdout")))
                .singleElement()
                .asString()
                .startsWith("##offload:tok3n## {\"ev\":\"end\"")
                .contains("\"stdout\":\"hello from printsToStdout\\n\"");
    }

    @ParameterizedTest
    @EnumSource(JunitLine.class)
    void retryingOneInvocationRunsOnlyThatInvocation(JunitLine line) throws Exception {
        var fixtures = new RunnerFixtures(dir, line);
        String second = PARAM_TEMPLATE + "/[test-template-invocation:#2]";

        fixtures.run(List.of(second));

        assertThat(fixtures.testcases()).containsOnlyKeys(second);
    }

    @ParameterizedTest
    @EnumSource(JunitLine.class)
    void systemExitLeavesEndEventsForTheTestsBeforeItAndNoResultFile(JunitLine line) throws Exception {
        var fixtures = new RunnerFixtures(dir, line);

        var jvm = fixtures.run(
                List.of(method("ExitTest", "before()"), method("ExitTest", "exits()"), method("ExitTest", "after()")));

        assertThat(jvm.status()).isEqualTo(3);
        assertThat(fixtures.result()).doesNotExist();
        assertThat(jvm.stdout()).contains("\"ev\":\"end\",\"id\":\"" + method("ExitTest", "before()") + "\"");
        assertThat(jvm.stdout()).doesNotContain("\"ev\":\"end\",\"id\":\"" + method("ExitTest", "exits()") + "\"");
        assertThat(jvm.stderr()).contains("the JVM is exiting while " + method("ExitTest", "exits()") + " runs");
    }

    @ParameterizedTest
    @EnumSource(JunitLine.class)
    void failFastStopsAfterTheFirstFailureWithThePartialResult(JunitLine line) throws Exception {
        var fixtures = new RunnerFixtures(dir, line);

        fixtures.run(
                List.of(method("FailingTest", "assertionFails()"), method("NestedTest", "outer()")), "--fail-fast");

        assertThat(fixtures.testcases()).containsKey(method("FailingTest", "assertionFails()"));
        assertThat(fixtures.testcases()).doesNotContainKey(method("NestedTest", "outer()"));
    }
}
