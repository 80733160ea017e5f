package dev.offload.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.offload.junit.engine.samples.PlainSample;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** The engine run end to end with EngineTestKit, for the paths that stop before any sandbox (SPEC §16.2, §16.4). */
class EngineExecutionTest {
    @TempDir
    Path dir;

    @Test
    void anInactiveEngineRunsNothing() {
        EngineExecutionResults results = EngineTestKit.engine(new OffloadTestEngine())
                .selectors(selectClass(PlainSample.class))
                .execute();

        results.allEvents().assertStatistics(stats -> stats.started(1).succeeded(1)); // the engine itself
        results.testEvents().assertStatistics(stats -> stats.started(0));
    }

    @Test
    void aBrokenConfigFileFailsEveryTestWithOneMessageNamingTheFile() throws Exception {
        Path config = Files.writeString(dir.resolve("offload.toml"), "[offload\nmax_parallel = 2\n");

        EngineExecutionResults results = run(Map.of("offload.config", config.toString()));

        results.testEvents().assertStatistics(stats -> stats.started(4).failed(4));
        assertThat(results.testEvents().failed().stream().map(EngineExecutionTest::message))
                .allSatisfy(
                        m -> assertThat(m).startsWith("offload run aborted: ").contains(config.toString()));
        results.containerEvents().assertStatistics(stats -> stats.succeeded(2)); // engine and class
    }

    @Test
    void aBadParallelParameterIsNamedInTheFailure() {
        EngineExecutionResults results = run(Map.of(
                "offload.parallel",
                "many",
                "offload.config",
                dir.resolve("none.toml").toString()));

        assertThat(results.testEvents().failed().stream().map(EngineExecutionTest::message))
                .hasSize(4)
                .allSatisfy(m -> assertThat(m).contains("offload.parallel must be a positive integer, got 'many'"));
    }

    @Test
    void anOutputDirHoldingTheProjectIsRefusedNamingTheParameter() {
        EngineExecutionResults results =
                run(Map.of("offload.config", dir.resolve("none.toml").toString(), "offload.outputDir", dir.toString()));

        assertThat(results.testEvents().failed().stream().map(EngineExecutionTest::message))
                .hasSize(4)
                .allSatisfy(m -> assertThat(m).contains("offload.outputDir '" + dir + "' is refused"));
    }

    private static EngineExecutionResults run(Map<String, String> parameters) {
        return EngineTestKit.engine(new OffloadTestEngine())
                .configurationParameter("offload.enabled", "true")
                .configurationParameters(parameters)
                .selectors(selectClass(PlainSample.class))
                .execute();
    }

    private static String message(Event event) {
        return event.getPayload(org.junit.platform.engine.TestExecutionResult.class)
                .flatMap(org.junit.platform.engine.TestExecutionResult::getThrowable)
                .map(Throwable::getMessage)
                .orElse("");
    }
}
