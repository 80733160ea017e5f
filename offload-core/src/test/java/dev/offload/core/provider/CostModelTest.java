package dev.offload.core.provider;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Prices of SPEC §8.10, from the configuration alone. */
class CostModelTest {
    @TempDir
    Path dir;

    @Test
    void localSlotsAreOneFreeCoreEach() throws Exception {
        CostModel cost = CostModel.of(load("[provider]\ntype = \"local\"\n", ""));

        assertThat(cost.cpuCores()).isEqualTo(1.0);
        assertThat(cost.usd(3600)).isZero();
    }

    @Test
    void modalChargesItsCpuRatePerCore() throws Exception {
        CostModel cost = CostModel.of(load("[provider]\ntype = \"modal\"\ncpu_cores = 0.5\n", ""));

        assertThat(cost.coreSeconds(100)).isEqualTo(50.0);
        assertThat(cost.usd(100)).isCloseTo(50 * 0.00003942, within(1e-12));
    }

    @Test
    void costPerCoreHourReplacesThePriceForAnyProvider() throws Exception {
        CostModel cost = CostModel.of(load(
                "[provider]\ntype = \"docker\"\nimage = \"x\"\ncpu_cores = 2.0\n",
                "[report]\ncost_per_core_hour = 0.36\n"));

        // 0.36 USD per core-hour = 0.0001 USD per core-second; 2 cores for 10 s
        assertThat(cost.usd(10)).isCloseTo(0.002, within(1e-12));
    }

    private Config load(String provider, String report) throws Exception {
        Path file = Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                sandbox_project_root = "/app"

                %s
                [framework]
                type = "pytest"

                [groups.all]

                %s
                """.formatted(provider, report));
        return ConfigLoader.load(
                file, new LoadOptions(false, Map.of(), dir.resolve("out"), Optional.empty(), warning -> {}));
    }
}
