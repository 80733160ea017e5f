package dev.offload.core.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SPEC §5.4: what {@code validate} prints for a valid file. */
class ConfigSummaryTest {
    @TempDir
    Path dir;

    @Test
    void summaryListsSettingsAndGroupsInFileOrder() throws Exception {
        ConfigFixture fixture = new ConfigFixture(dir);
        Config config = fixture.load(SpecAppendixConfigsTest.resource("d-monorepo")
                .replace("[groups.all]", "[history]\nrecord_history = \"always\"\n\n[groups.all]"));

        assertThat(ConfigSummary.render(config))
                .isEqualTo("""
                        Configuration is valid!

                        Settings:
                          Max parallel: 40
                          Test timeout: 60s
                          Provider: default
                          Framework: pytest
                          Output dir: %s
                          History: %s (record: always)
                          Sandbox init cmd: git apply /offload-upload/patch --allow-empty && uv sync --all-packages

                        Groups:
                          all: retry_count = 0
                        """.formatted(dir.resolve("test-results"), dir.resolve("offload-history.jsonl")));
    }

    @Test
    void summaryOmitsAbsentHistoryAndInitCmd() throws Exception {
        Config config = new ConfigFixture(dir).load(SpecAppendixConfigsTest.resource("b-pytest-default-modal"));

        assertThat(ConfigSummary.render(config))
                .doesNotContain("History:")
                .doesNotContain("Sandbox init cmd:")
                .endsWith("Groups:\n  unit: retry_count = 2\n  slow: retry_count = 3\n  flaky: retry_count = 5\n");
    }
}
