package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import dev.offload.core.report.FinalSummary;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code --show-estimated-cost} per provider (SPEC §8.10, §11.6). */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class EstimatedCostTest {
    private static final RunOptions SHOW_COST =
            new RunOptions(OptionalInt.empty(), Map.of(), java.util.List.of(), false, false, true, Optional.empty());

    @TempDir
    Path dir;

    @Test
    void shellTemplateSandboxesCostModalsRatePerCoreSecond() throws Exception {
        RunResult result = run(templates("cpu_cores = 2.0"), "");

        assertThat(result.coreSeconds()).isGreaterThan(0.2); // two sandboxes of 2 cores, each alive > 50 ms
        assertThat(result.estimatedCostUsd())
                .get()
                .satisfies(cost -> assertThat(cost).isCloseTo(result.coreSeconds() * 0.00003942, within(1e-12)));
        assertThat(FinalSummary.render(result, true))
                .containsPattern("Estimated cost: \\$0\\.\\d{4} \\(\\d+\\.\\d core-seconds\\)");
        assertThat(dir.resolve("test-results/summary.json"))
                .content()
                .containsPattern("\"estimated_cost_usd\" : [0-9.E-]+");
    }

    @Test
    void costPerCoreHourReplacesTheProviderPrice() throws Exception {
        RunResult result = run(templates(""), "[report]\ncost_per_core_hour = 36.0\n");

        assertThat(result.estimatedCostUsd().orElseThrow()).isCloseTo(result.coreSeconds() * 0.01, within(1e-9));
    }

    @Test
    void localSandboxesCostNothing() throws Exception {
        RunResult result = run("[provider]\ntype = \"local\"\n", "");

        assertThat(result.estimatedCostUsd()).contains(0.0);
    }

    private static String templates(String extra) {
        return """
                [provider]
                type = "default"
                create_command = "sleep 0.1; echo sb"
                exec_command = "sh -c {command}"
                destroy_command = "true"
                %s
                """.formatted(extra);
    }

    private RunResult run(String provider, String report) throws Exception {
        Path file = Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 2
                sandbox_project_root = "."

                %s
                [framework]
                type = "default"
                discover_command = "printf 'a\\\\nb\\\\n' # {filters}"
                run_command = "sleep 0.1 # {tests}"
                test_id_format = "{name}"

                [groups.all]
                retry_count = 0

                %s
                """.formatted(provider, report));
        var options = new LoadOptions(false, Map.of(), Path.of("test-results"), Optional.empty(), w -> {});
        Config config = ConfigLoader.load(file, options);
        return new OffloadRun(config, SHOW_COST, RunObserver.NONE, Clock.systemUTC()).execute();
    }
}
