package dev.offload.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.framework.TestCaseResult;
import dev.offload.core.framework.TestCaseResult.Status;
import dev.offload.core.run.Attempt;
import dev.offload.core.run.TestOutcome;
import dev.offload.core.run.Verdict;
import dev.offload.junit.engine.samples.PlainSample;
import dev.offload.junit.engine.samples.TemplateSample;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.reporting.ReportEntry;

/**
 * Replay (SPEC §16.4): what the outer launcher hears for each verdict, in which order, and where each test's output
 * lands. Verdicts are built here; the descriptors come from real discovery of the sample classes.
 */
class ReplayTest {
    private static final String PLAIN = "[engine:junit-jupiter]/[class:" + PlainSample.class.getName() + "]";
    private static final String TEMPLATE =
            "[engine:junit-jupiter]/[class:" + TemplateSample.class.getName() + "]/[test-template:numbers(int)]";

    /** Listener events and printed lines, in the order they happened. */
    private final List<String> log = new ArrayList<>();

    private final List<TestExecutionResult> results = new ArrayList<>();
    private final List<ReportEntry> entries = new ArrayList<>();
    private PrintStream savedOut;
    private PrintStream savedErr;

    @BeforeEach
    void captureOutput() {
        savedOut = System.out;
        savedErr = System.err;
        System.setOut(lines(line -> log("out " + line)));
        System.setErr(lines(line -> log("err " + line)));
    }

    @AfterEach
    void restoreOutput() {
        System.setOut(savedOut);
        System.setErr(savedErr);
    }

    @Test
    void aPassedTestStartsAfterItsClassPrintsItsOutputThenFinishesAndTheClassFinishesAfterItsLastTest() {
        TestDescriptor engine = MirroringTest.discover(selectClass(PlainSample.class));

        replay(engine, r -> {
            for (String method : List.of("passes()", "named()", "fails()", "disabled()")) {
                r.decided(outcome(
                        PLAIN + "/[method:" + method + "]",
                        Verdict.PASSED,
                        attempt(Status.PASSED, "hello " + method, "")));
            }
        });

        assertThat(log.subList(0, 4))
                .containsExactly(
                        "started PlainSample",
                        "started passes()",
                        "out hello passes()",
                        "finished passes() SUCCESSFUL");
        assertThat(log).last().isEqualTo("finished PlainSample SUCCESSFUL");
        assertThat(entries.get(0).getKeyValuePairs())
                .containsEntry("offload.duration", "1.250")
                .containsEntry("offload.attempts", "1")
                .containsEntry("offload.sandbox", "2");
    }

    @Test
    void outputOfATestIsPrintedRightBeforeItsOwnFinishEvenWhenOthersStartedMeanwhile() {
        TestDescriptor engine = MirroringTest.discover(selectClass(PlainSample.class));

        replay(engine, r -> {
            r.started(PLAIN + "/[method:passes()]", 0);
            r.started(PLAIN + "/[method:named()]", 0);
            r.decided(outcome(PLAIN + "/[method:named()]", Verdict.PASSED, attempt(Status.PASSED, "from named", "")));
            r.decided(outcome(PLAIN + "/[method:passes()]", Verdict.PASSED, attempt(Status.PASSED, "from passes", "")));
        });

        assertThat(log)
                .containsSubsequence(
                        "started passes()",
                        "started named()",
                        "out from named",
                        "finished named() SUCCESSFUL",
                        "out from passes",
                        "finished passes() SUCCESSFUL");
    }

    @Test
    void aClassThatFailsAfterItsTestsRanFinishesFailedOnceItsBatchIsOver() {
        TestDescriptor engine = MirroringTest.discover(selectClass(PlainSample.class));
        List<String> tests = List.of("passes()", "named()", "fails()", "disabled()");
        var failure = new TestCaseResult.Failure(
                true, "java.lang.IllegalStateException", "cleanup failed", "java.lang.IllegalStateException: cleanup");
        var classFailed = new Attempt(0, 0, Status.FAILED, 0.1, Optional.of(failure), "", "");

        replay(engine, r -> {
            tests.forEach(m -> r.started(PLAIN + "/[method:" + m + "]", 0));
            tests.forEach(m -> r.decided(outcome(PLAIN + "/[method:" + m + "]", Verdict.PASSED, attempt())));
            // An @AfterAll failure arrives with the batch's report, after the tests were decided from their events.
            r.decided(new TestOutcome(
                    new DiscoveredTest(PLAIN, "default", PlainSample.class.getName()),
                    Verdict.FAILED,
                    List.of(classFailed),
                    Optional.empty()));
            r.batchFinished(0);
        });

        assertThat(log).last().isEqualTo("finished PlainSample FAILED");
        assertThat(log).filteredOn(l -> l.startsWith("finished PlainSample")).hasSize(1);
        assertThat(results.get(results.size() - 1).getThrowable().orElseThrow()).hasMessageContaining("cleanup failed");
    }

    @Test
    void aFailedTestFailsWithTheRemoteTypeMessageAndTraceAndItsStderr() {
        TestDescriptor engine = MirroringTest.discover(selectClass(PlainSample.class));
        var failure = new TestCaseResult.Failure(
                false,
                "org.opentest4j.AssertionFailedError",
                "one is not two ==> expected: <1> but was: <2>",
                "org.opentest4j.AssertionFailedError: one is not two ==> expected: <1> but was: <2>\n"
                        + "\tat dev.offload.junit.engine.samples.PlainSample.fails(PlainSample.java:24)\n");
        var failed = new Attempt(0, 1, Status.FAILED, 0.5, Optional.of(failure), "", "err of fails\n");

        replay(engine, r -> r.decided(outcome(PLAIN + "/[method:fails()]", Verdict.FAILED, failed)));

        assertThat(log).containsSubsequence("started fails()", "err err of fails", "finished fails() FAILED");
        Throwable thrown = results.get(0).getThrowable().orElseThrow();
        assertThat(thrown)
                .isInstanceOf(AssertionError.class)
                .hasMessage("one is not two ==> expected: <1> but was: <2>");
        assertThat(thrown.toString()).startsWith("org.opentest4j.AssertionFailedError: one is not two");
        var trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        assertThat(trace.toString())
                .startsWith("org.opentest4j.AssertionFailedError")
                .contains("at dev.offload.junit.engine.samples.PlainSample.fails(PlainSample.java:24)");
    }

    @Test
    void anErrorElementBecomesAnExceptionNotAnAssertionError() {
        TestDescriptor engine = MirroringTest.discover(selectClass(PlainSample.class));
        var failure = new TestCaseResult.Failure(true, "java.lang.IllegalStateException", "boom", "");

        replay(
                engine,
                r -> r.decided(outcome(
                        PLAIN + "/[method:fails()]",
                        Verdict.FAILED,
                        new Attempt(0, 0, Status.FAILED, 0.1, Optional.of(failure), "", ""))));

        Throwable thrown = results.get(0).getThrowable().orElseThrow();
        assertThat(thrown).isNotInstanceOf(AssertionError.class).hasMessage("boom");
        assertThat(thrown.toString()).isEqualTo("java.lang.IllegalStateException: boom");
    }

    @Test
    void aSkippedTestIsReportedSkippedWithoutBeingStarted() {
        TestDescriptor engine = MirroringTest.discover(selectClass(PlainSample.class));

        replay(
                engine,
                r -> r.decided(
                        outcome(PLAIN + "/[method:disabled()]", Verdict.SKIPPED, attempt(Status.SKIPPED, "", ""))));

        assertThat(log).contains("skipped disabled()").doesNotContain("started disabled()");
    }

    @Test
    void errorAndNotRunFailWithOffloadsExceptionsCarryingTheCause() {
        TestDescriptor engine = MirroringTest.discover(selectClass(PlainSample.class));

        replay(engine, r -> {
            r.decided(new TestOutcome(
                    test(PLAIN + "/[method:passes()]"), Verdict.ERROR, List.of(), Optional.of("sandbox local-0 died")));
            r.decided(new TestOutcome(
                    test(PLAIN + "/[method:named()]"),
                    Verdict.NOT_RUN,
                    List.of(),
                    Optional.of("cancelled by --fail-fast")));
        });

        assertThat(results.get(0).getThrowable().orElseThrow())
                .isInstanceOf(OffloadInfrastructureException.class)
                .hasMessage("sandbox local-0 died");
        assertThat(results.get(1).getThrowable().orElseThrow())
                .isInstanceOf(OffloadTestNotRunException.class)
                .hasMessageContaining("cancelled by --fail-fast");
    }

    @Test
    void aFlakyTestSucceedsAndDescribesItsFailedAttempt() {
        TestDescriptor engine = MirroringTest.discover(selectClass(PlainSample.class));
        var failure = new TestCaseResult.Failure(false, "java.lang.AssertionError", "first time", "");
        var first = new Attempt(0, 0, Status.FAILED, 0.2, Optional.of(failure), "", "");
        var second = new Attempt(3, 1, Status.PASSED, 0.3, Optional.empty(), "second run\n", "");

        replay(
                engine,
                r -> r.decided(new TestOutcome(
                        test(PLAIN + "/[method:passes()]"), Verdict.FLAKY, List.of(first, second), Optional.empty())));

        assertThat(log).containsSubsequence("out second run", "finished passes() SUCCESSFUL");
        assertThat(entries.get(0).getKeyValuePairs())
                .containsEntry("offload.attempts", "2")
                .containsEntry("offload.sandbox", "1")
                .containsEntry(
                        "offload.flaky",
                        "attempt 1 failed in sandbox 0 (batch 0): java.lang.AssertionError: first time");
    }

    @Test
    void invocationsAreRegisteredUnderTheirTemplateWhichFinishesAfterItsLastInvocation() {
        TestDescriptor engine = MirroringTest.discover(selectClass(TemplateSample.class));

        replay(engine, r -> {
            r.started(TEMPLATE + "/[test-template-invocation:#1]", 0);
            r.decided(outcome(
                    TEMPLATE + "/[test-template-invocation:#1]", Verdict.PASSED, attempt(Status.PASSED, "", "")));
            r.decided(outcome(
                    TEMPLATE + "/[test-template-invocation:#2]", Verdict.FAILED, attempt(Status.FAILED, "", "")));
            r.decided(outcome(TEMPLATE, Verdict.FAILED, attempt(Status.FAILED, "", "")));
        });

        assertThat(log)
                .containsSubsequence(
                        "started TemplateSample",
                        "started numbers(int)",
                        "registered numbers(int)[1]",
                        "started numbers(int)[1]",
                        "finished numbers(int)[1] SUCCESSFUL",
                        "registered numbers(int)[2]",
                        "started numbers(int)[2]",
                        "finished numbers(int)[2] FAILED",
                        "finished numbers(int) SUCCESSFUL");
        // factory() got no result at all: the run ended, so it fails as not run and the class closes last.
        assertThat(log).containsSubsequence("finished factory() FAILED", "finished TemplateSample SUCCESSFUL");
    }

    @Test
    void anAbortedRunFailsEveryUndecidedTestWithTheAbortMessage() {
        TestDescriptor engine = MirroringTest.discover(selectClass(PlainSample.class));

        Replay replay = new Replay(recorder(), units(engine));
        Thread thread = new Thread(replay);
        thread.start();
        replay.end(Optional.of("no sandbox could be created"));
        join(thread);

        assertThat(results)
                .hasSize(5) // 4 tests, 1 class
                .filteredOn(r -> r.getStatus() == TestExecutionResult.Status.FAILED)
                .hasSize(4)
                .allSatisfy(r -> assertThat(r.getThrowable().orElseThrow())
                        .isInstanceOf(OffloadInfrastructureException.class)
                        .hasMessageContaining("no sandbox could be created"));
    }

    @Test
    void testsOutsideTheRunsShardAreNotReportedAndNeitherIsAClassWithoutTests() {
        TestDescriptor engine =
                MirroringTest.discover(selectClass(PlainSample.class), selectClass(TemplateSample.class));
        String passes = PLAIN + "/[method:passes()]";

        Replay replay = new Replay(recorder(), units(engine));
        Thread thread = new Thread(replay);
        thread.start();
        replay.decided(outcome(passes, Verdict.PASSED, attempt(Status.PASSED, "", "")));
        replay.end(java.util.Set.of(passes, PLAIN + "/[method:named()]"));
        join(thread);

        assertThat(log)
                .containsExactly(
                        "started PlainSample",
                        "started passes()",
                        "finished passes() SUCCESSFUL",
                        "started named()",
                        "finished named() FAILED",
                        "finished PlainSample SUCCESSFUL");
    }

    private void replay(TestDescriptor engine, Consumer<Replay> events) {
        Replay replay = new Replay(recorder(), units(engine));
        Thread thread = new Thread(replay);
        thread.start();
        events.accept(replay);
        replay.end(Optional.empty());
        join(thread);
    }

    private static List<MirroredTestDescriptor> units(TestDescriptor engine) {
        return engine.getDescendants().stream()
                .filter(MirroredTestDescriptor.class::isInstance)
                .map(MirroredTestDescriptor.class::cast)
                .toList();
    }

    private EngineExecutionListener recorder() {
        return new EngineExecutionListener() {
            @Override
            public void dynamicTestRegistered(TestDescriptor d) {
                log("registered " + d.getLegacyReportingName());
            }

            @Override
            public void executionSkipped(TestDescriptor d, String reason) {
                log("skipped " + name(d));
            }

            @Override
            public void executionStarted(TestDescriptor d) {
                log("started " + name(d));
            }

            @Override
            public void executionFinished(TestDescriptor d, TestExecutionResult result) {
                results.add(result);
                log("finished " + name(d) + " " + result.getStatus());
            }

            @Override
            public void reportingEntryPublished(TestDescriptor d, ReportEntry entry) {
                entries.add(entry);
            }
        };
    }

    private static String name(TestDescriptor d) {
        return d instanceof MirroredClassDescriptor ? d.getDisplayName() : d.getLegacyReportingName();
    }

    private synchronized void log(String line) {
        log.add(line);
    }

    private static TestOutcome outcome(String id, Verdict verdict, Attempt attempt) {
        return new TestOutcome(test(id), verdict, List.of(attempt), Optional.empty());
    }

    private static DiscoveredTest test(String id) {
        return new DiscoveredTest(id, "default", "");
    }

    private static Attempt attempt() {
        return attempt(Status.PASSED, "", "");
    }

    private static Attempt attempt(Status status, String out, String err) {
        return new Attempt(0, 2, status, 1.25, Optional.empty(), out, err);
    }

    private static void join(Thread thread) {
        try {
            thread.join(10_000);
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** A stream that hands each complete line to {@code sink}. */
    private static PrintStream lines(Consumer<String> sink) {
        return new PrintStream(
                new OutputStream() {
                    private final ByteArrayOutputStream line = new ByteArrayOutputStream();

                    @Override
                    public synchronized void write(int b) {
                        if (b == '\n') {
                            sink.accept(line.toString(StandardCharsets.UTF_8));
                            line.reset();
                        } else {
                            line.write(b);
                        }
                    }
                },
                true,
                StandardCharsets.UTF_8);
    }
}
