package dev.offload.core.provider;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class BatchEnvironmentTest {

    @Test
    void cliEnvOverridesProviderEnv() {
        Map<String, String> env =
                BatchEnvironment.build(Map.of("A", "provider", "B", "provider"), Map.of("B", "cli"), "/root", "r1", 2);

        assertThat(env).containsEntry("A", "provider").containsEntry("B", "cli");
    }

    @Test
    void offloadVariablesCannotBeOverridden() {
        Map<String, String> env = BatchEnvironment.build(
                Map.of("OFFLOAD_ROOT", "/provider", "OFFLOAD_SANDBOX_INDEX", "9"),
                Map.of("OFFLOAD_RUN_ID", "cli", "OFFLOAD_ROOT", "/cli"),
                "/work/project",
                "run-42",
                3);

        assertThat(env)
                .containsEntry("OFFLOAD_ROOT", "/work/project")
                .containsEntry("OFFLOAD_RUN_ID", "run-42")
                .containsEntry("OFFLOAD_SANDBOX_INDEX", "3")
                .hasSize(3);
    }

    @Test
    void keysAreSortedSoCommandLinesAreDeterministic() {
        Map<String, String> env = BatchEnvironment.build(Map.of("Z", "1", "A", "2"), Map.of("M", "3"), "/r", "id", 0);

        assertThat(env.keySet())
                .containsExactly("A", "M", "OFFLOAD_ROOT", "OFFLOAD_RUN_ID", "OFFLOAD_SANDBOX_INDEX", "Z");
    }
}
