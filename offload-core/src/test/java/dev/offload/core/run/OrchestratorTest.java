package dev.offload.core.run;

import static dev.offload.core.run.FaultInjectingWorld.Behaviour.CRASH;
import static dev.offload.core.run.FaultInjectingWorld.Behaviour.CRASH_ONCE;
import static dev.offload.core.run.FaultInjectingWorld.Behaviour.FAIL;
import static dev.offload.core.run.FaultInjectingWorld.Behaviour.FLAKY;
import static dev.offload.core.run.FaultInjectingWorld.Behaviour.HANG;
import static dev.offload.core.run.FaultInjectingWorld.Behaviour.MISSING;
import static dev.offload.core.run.FaultInjectingWorld.Behaviour.PASS;
import static dev.offload.core.run.FaultInjectingWorld.Behaviour.SKIP;
import static dev.offload.core.run.FaultInjectingWorld.Behaviour.SLOW;
import static org.assertj.core.api.Assertions.assertThat;

import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.run.FaultInjectingWorld.Behaviour;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

@Timeout(value = 60, unit = TimeUnit.SECONDS)
class OrchestratorTest {
    @TempDir
    Path dir;

    private FaultInjectingWorld world;
    private final List<String> warnings = java.util.Collections.synchronizedList(new ArrayList<>());

    @BeforeEach
    void setUp() throws Exception {
        Files.createDirectories(dir.resolve("sandbox"));
        world = new FaultInjectingWorld(dir.resolve("sandbox"));
    }

    @Test
    void passingFailingAndSkippedTestsGetTheirVerdicts() throws Exception {
        var result = run(plan("a", PASS, "b", FAIL, "c", SKIP), 0, 2, false, false);

        assertThat(verdicts(result))
                .containsExactly(
                        Map.entry("a", Verdict.PASSED),
                        Map.entry("b", Verdict.FAILED),
                        Map.entry("c", Verdict.SKIPPED));
        assertThat(world.destroyed).containsExactlyInAnyOrderElementsOf(world.created);
    }

    @Test
    void retriedTestThatPassesIsReportedFlaky() throws Exception {
        var result = run(plan("a", FLAKY, "b", PASS), 2, 2, false, false);

        TestOutcome flaky = outcome(result, "a");
        assertThat(flaky.verdict()).isEqualTo(Verdict.FLAKY);
        assertThat(flaky.attempts()).extracting(Attempt::failed).containsExactly(true, false);
    }

    @Test
    void testThatKeepsFailingUsesEveryRetryThenFails() throws Exception {
        var result = run(plan("a", FAIL), 2, 1, false, false);

        assertThat(outcome(result, "a").verdict()).isEqualTo(Verdict.FAILED);
        assertThat(outcome(result, "a").attempts()).hasSize(3);
    }

    @Test
    void retryRunsOnAnotherSandboxWhenOneIsOpen() throws Exception {
        var tests = plan("a", FLAKY, "b", SLOW, "c", SLOW, "d", SLOW);
        var result = run(tests, 1, 2, false, false, List.of(List.of("a"), List.of("b", "c", "d")));

        assertThat(outcome(result, "a").verdict()).isEqualTo(Verdict.FLAKY);
        List<Attempt> attempts = outcome(result, "a").attempts();
        assertThat(attempts.get(1).sandbox()).isNotEqualTo(attempts.get(0).sandbox());
    }

    @Test
    void crashedBatchIsRequeuedInHalvesAndEveryTestStillGetsAVerdict() throws Exception {
        var result = run(plan("a", PASS, "b", CRASH_ONCE, "c", PASS, "d", PASS), 0, 1, false, false);

        assertThat(verdicts(result).values()).containsOnly(Verdict.PASSED);
        assertThat(result.batches()).extracting(BatchRecord::outcome).contains(BatchRecord.BatchOutcome.ERROR);
    }

    @Test
    void testThatAlwaysCrashesBecomesErrorAfterThreeRequeues() throws Exception {
        var result = run(plan("a", PASS, "b", CRASH), 0, 1, false, false);

        assertThat(outcome(result, "a").verdict()).isEqualTo(Verdict.PASSED);
        TestOutcome crashed = outcome(result, "b");
        assertThat(crashed.verdict()).isEqualTo(Verdict.ERROR);
        assertThat(crashed.cause()).get().asString().contains("died: exit 137");
        assertThat(world.runs.get("b").get()).isEqualTo(1 + VerdictLedger.MAX_REQUEUES);
    }

    @Test
    void testTheRunnerNeverReportsBecomesNotRun() throws Exception {
        var result = run(plan("a", PASS, "b", MISSING), 0, 1, false, false);

        assertThat(outcome(result, "b").verdict()).isEqualTo(Verdict.NOT_RUN);
        assertThat(outcome(result, "b").cause()).contains("runner never reported this test");
    }

    @Test
    void timedOutTestRunsAloneOnceThenFailsWithTimeoutWhileOthersKeepTheirResults() throws Exception {
        var result = run(plan("a", PASS, "b", HANG, "c", PASS), 0, 1, false, false, List.of(List.of("a", "b", "c")));

        assertThat(outcome(result, "a").verdict()).isEqualTo(Verdict.PASSED);
        TestOutcome hung = outcome(result, "b");
        assertThat(hung.verdict()).isEqualTo(Verdict.FAILED);
        assertThat(hung.attempts())
                .singleElement()
                .satisfies(a -> assertThat(a.failure().orElseThrow().type()).isEqualTo("offload.Timeout"));
        assertThat(world.runs.get("b").get()).isEqualTo(2);
        // "c" came after the hang in the same batch: it never ran there, so it is re-queued and passes.
        assertThat(outcome(result, "c").verdict()).isEqualTo(Verdict.PASSED);
    }

    @Test
    void failFastCancelsQueuedWorkAsNotRun() throws Exception {
        var queue = List.of(List.of("a"), List.of("b"), List.of("c"), List.of("d"));
        var result = run(plan("a", FAIL, "b", PASS, "c", PASS, "d", PASS), 0, 1, true, false, queue);

        assertThat(outcome(result, "a").verdict()).isEqualTo(Verdict.FAILED);
        for (String id : List.of("b", "c", "d")) {
            assertThat(outcome(result, id).verdict()).isEqualTo(Verdict.NOT_RUN);
            assertThat(outcome(result, id).cause()).contains("cancelled by --fail-fast");
        }
    }

    @Test
    void flakyTestDoesNotTriggerFailFast() throws Exception {
        var result = run(plan("a", FLAKY, "b", PASS), 1, 1, true, false, List.of(List.of("a"), List.of("b")));

        assertThat(verdicts(result)).containsEntry("a", Verdict.FLAKY).containsEntry("b", Verdict.PASSED);
    }

    @Test
    void everySandboxCreationFailingMakesEveryTestAnError() throws Exception {
        world.creationAlwaysFails = true;
        var result = run(plan("a", PASS, "b", PASS), 0, 2, false, false);

        assertThat(verdicts(result).values()).containsOnly(Verdict.ERROR);
        assertThat(outcome(result, "a").cause()).get().asString().startsWith("no sandbox could be created:");
    }

    @Test
    void creationIsRetriedBeforeASlotIsClosed() throws Exception {
        world.creationFailuresLeft.set(2);
        var result = run(plan("a", PASS), 0, 1, false, false);

        assertThat(outcome(result, "a").verdict()).isEqualTo(Verdict.PASSED);
        assertThat(warnings).anyMatch(w -> w.startsWith("retrying create of sandbox 0 (attempt 2/3)"));
    }

    @Test
    void idleSandboxHedgesTheSlowBatchAndEachTestIsDecidedOnce() throws Exception {
        var tests = plan("fast", PASS, "s1", SLOW, "s2", SLOW, "s3", SLOW, "s4", SLOW);
        var queue = List.of(List.of("s1", "s2", "s3", "s4"), List.of("fast"));
        var result = run(tests, 0, 2, false, true, queue);

        assertThat(verdicts(result).values()).containsOnly(Verdict.PASSED);
        assertThat(result.batches()).anyMatch(BatchRecord::hedge);
        result.outcomes().forEach(o -> assertThat(o.attempts()).hasSize(1));
    }

    @Test
    void cancellingFromAnotherThreadMarksUndecidedTestsNotRunAndDestroysSandboxes() throws Exception {
        var settings = settings(0, 2, false, false, Duration.ofSeconds(30));
        var tests = world.tests("g", plan("a", HANG, "b", HANG));
        var orchestrator = new Orchestrator(world, world, settings, observer(), Clock.systemUTC());
        var running = CompletableFuture.supplyAsync(() -> {
            try {
                return orchestrator.run(tests, List.of(List.of("a"), List.of("b")));
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        });
        while (world.batchLog.size() < 2) {
            Thread.sleep(10);
        }
        orchestrator.cancel("interrupted");
        var result = running.get(20, TimeUnit.SECONDS);

        assertThat(verdicts(result).values()).containsOnly(Verdict.NOT_RUN);
        assertThat(outcome(result, "a").cause()).contains("interrupted");
        assertThat(world.destroyed).containsExactlyInAnyOrderElementsOf(world.created);
    }

    @Test
    void manyMixedTestsEachEndWithExactlyOneVerdictAndNoSandboxSurvives() throws Exception {
        Map<String, Behaviour> tests = new LinkedHashMap<>();
        // The crash comes first in each group of 8, so no test of a crashed batch has run before the crash.
        Behaviour[] kinds = {CRASH_ONCE, FAIL, FLAKY, SKIP, MISSING, PASS, PASS, PASS};
        for (int i = 0; i < 80; i++) {
            tests.put("t" + i, kinds[i % kinds.length]);
        }
        List<List<String>> queue = new ArrayList<>();
        List<String> ids = new ArrayList<>(tests.keySet());
        for (int i = 0; i < ids.size(); i += 10) {
            queue.add(ids.subList(i, i + 10));
        }
        // Hedging off: a hedge copy could take a flaky test's failing first run and lose the race to the passing one.
        var result = run(tests, 1, 4, false, false, queue);

        assertThat(result.outcomes()).extracting(o -> o.test().id()).containsExactlyElementsOf(ids);
        assertThat(outcome(result, "t1").verdict()).isEqualTo(Verdict.FAILED);
        assertThat(outcome(result, "t2").verdict()).isEqualTo(Verdict.FLAKY);
        assertThat(outcome(result, "t4").verdict()).isEqualTo(Verdict.NOT_RUN);
        assertThat(outcome(result, "t0").verdict()).isEqualTo(Verdict.PASSED);
        assertThat(world.destroyed).containsExactlyInAnyOrderElementsOf(world.created);
        List<Integer> numbers =
                result.batches().stream().map(BatchRecord::number).sorted().toList();
        assertThat(numbers)
                .isEqualTo(java.util.stream.IntStream.range(0, numbers.size())
                        .boxed()
                        .toList());
    }

    // --- helpers ------------------------------------------------------------------------------------------------

    private static Map<String, Behaviour> plan(Object... pairs) {
        Map<String, Behaviour> plan = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            plan.put((String) pairs[i], (Behaviour) pairs[i + 1]);
        }
        return plan;
    }

    private Orchestrator.Execution run(
            Map<String, Behaviour> plan, int retries, int parallel, boolean failFast, boolean hedging)
            throws InterruptedException {
        return run(plan, retries, parallel, failFast, hedging, List.of(List.copyOf(plan.keySet())));
    }

    private Orchestrator.Execution run(
            Map<String, Behaviour> plan,
            int retries,
            int parallel,
            boolean failFast,
            boolean hedging,
            List<List<String>> queue)
            throws InterruptedException {
        List<DiscoveredTest> tests = world.tests("g", plan);
        var settings = settings(retries, parallel, failFast, hedging, Duration.ofSeconds(1));
        return new Orchestrator(world, world, settings, observer(), Clock.systemUTC()).run(tests, queue);
    }

    private RunSettings settings(int retries, int parallel, boolean failFast, boolean hedging, Duration timeout) {
        return new RunSettings(
                "T3st",
                parallel,
                timeout,
                failFast,
                hedging,
                dir.resolve("out"),
                Map.of(),
                Map.of(),
                Map.of("g", retries),
                Map.of(),
                Duration.ofSeconds(10));
    }

    private RunObserver observer() {
        return new RunObserver() {
            @Override
            public void warning(String line) {
                warnings.add(line);
            }
        };
    }

    private static TestOutcome outcome(Orchestrator.Execution result, String id) {
        return result.outcomes().stream()
                .filter(o -> o.test().id().equals(id))
                .findFirst()
                .orElseThrow();
    }

    private static Map<String, Verdict> verdicts(Orchestrator.Execution result) {
        return result.outcomes().stream()
                .collect(Collectors.toMap(o -> o.test().id(), TestOutcome::verdict, (a, b) -> a, LinkedHashMap::new));
    }
}
