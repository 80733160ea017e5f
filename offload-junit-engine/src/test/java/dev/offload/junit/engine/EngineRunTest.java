package dev.offload.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.offload.junit.engine.samples.OuterSample;
import dev.offload.junit.engine.samples.PlainSample;
import dev.offload.junit.engine.samples.SleepySample;
import dev.offload.junit.engine.samples.TemplateSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.CancellationToken;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * The engine end to end (SPEC §16.4): real Jupiter tests run in local sandbox JVMs through Offload's orchestrator and
 * their results are replayed to EngineTestKit's listener.
 */
class EngineRunTest {
    @TempDir
    Path out;

    @Test
    void theLaunchersCancellationTokenCancelsTheRunAndTheTestIsReportedNotRun() {
        CancellationToken token = CancellationToken.create();
        var timer = Executors.newSingleThreadScheduledExecutor();
        timer.schedule(token::cancel, 3, TimeUnit.SECONDS);
        long t0 = System.nanoTime();
        try {
            EngineExecutionResults results = EngineTestKit.engine(new OffloadTestEngine())
                    .configurationParameter("offload.enabled", "true")
                    .configurationParameter(
                            "offload.config", out.resolve("absent.toml").toString())
                    .configurationParameter(
                            "offload.outputDir", out.resolve("reports").toString())
                    .cancellationToken(token)
                    .selectors(selectClass(SleepySample.class))
                    .execute();

            results.testEvents()
                    .assertThatEvents()
                    .haveExactly(
                            1,
                            event(
                                    test("sleepsLong"),
                                    finishedWithFailure(
                                            instanceOf(OffloadTestNotRunException.class),
                                            message(m -> m.contains("cancelled")))));
            assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofSeconds(30));
        } finally {
            timer.shutdownNow();
        }
    }

    @Test
    void twoShardsReportDisjointTestsThatTogetherAreAllOfThem() {
        java.util.Set<String> all = new java.util.HashSet<>();
        int total = 0;
        for (String shard : java.util.List.of("1/2", "2/2")) {
            EngineExecutionResults results = EngineTestKit.engine(new OffloadTestEngine())
                    .configurationParameter("offload.enabled", "true")
                    .configurationParameter(
                            "offload.config", out.resolve("absent.toml").toString())
                    .configurationParameter(
                            "offload.outputDir",
                            out.resolve("reports-" + shard.charAt(0)).toString())
                    .configurationParameter("offload.shard", shard)
                    .selectors(selectClass(OuterSample.class), selectClass(TemplateSample.class))
                    .execute();
            var reported = results.testEvents().finished().stream()
                    .map(e -> e.getTestDescriptor().getUniqueId().toString())
                    .toList();
            assertThat(reported).isNotEmpty();
            // The other shard's tests are not reported at all, never as failed or not run.
            assertThat(results.testEvents().failed().stream())
                    .allSatisfy(e -> assertThat(e.getTestDescriptor().getLegacyReportingName())
                            .isEqualTo("numbers(int)[2]"));
            total += reported.size();
            all.addAll(reported);
        }
        // OuterSample's two tests, TemplateSample's three invocations (one fails) and one dynamic test.
        assertThat(total).isEqualTo(all.size()).isEqualTo(6);
    }

    @Test
    void everyVerdictIsReplayedWithItsFailureSkipReasonAndInvocations() throws Exception {
        EngineExecutionResults results = EngineTestKit.engine(new OffloadTestEngine())
                .configurationParameter("offload.enabled", "true")
                .configurationParameter(
                        "offload.config", out.resolve("absent.toml").toString())
                .configurationParameter(
                        "offload.outputDir", out.resolve("reports").toString())
                .configurationParameter("offload.parallel", "2")
                .selectors(
                        selectClass(PlainSample.class),
                        selectClass(TemplateSample.class),
                        selectClass(OuterSample.class))
                .execute();

        // PlainSample: 2 pass, 1 fails, 1 disabled; TemplateSample: 3 invocations (1 fails) + 1 dynamic test;
        // OuterSample: 2 pass.
        results.testEvents()
                .assertStatistics(
                        stats -> stats.skipped(1).started(9).succeeded(7).failed(2));
        results.testEvents()
                .assertThatEvents()
                .haveExactly(
                        1,
                        event(
                                test("fails"),
                                finishedWithFailure(
                                        instanceOf(AssertionError.class), message(m -> m.contains("one is not two")))))
                .haveExactly(1, event(test("disabled"), skippedWithReason(r -> r.contains("not today"))))
                .haveExactly(1, event(test("named"), finishedSuccessfully()));
        assertThat(results.allEvents().dynamicallyRegistered().count()).isEqualTo(4);
        assertThat(out.resolve("reports/junit.xml")).isRegularFile();
        assertThat(Files.readString(out.resolve("reports/summary.json"))).contains("\"total\"");
    }
}
