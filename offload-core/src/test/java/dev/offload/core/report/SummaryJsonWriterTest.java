package dev.offload.core.report;

import static dev.offload.core.report.RunFixtures.fail;
import static dev.offload.core.report.RunFixtures.pass;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.offload.core.run.BatchRecord.BatchOutcome;
import dev.offload.core.run.RunResult;
import dev.offload.core.run.Verdict;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SummaryJsonWriterTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryFieldAndCountsPartitionTotal() throws Exception {
        RunFixtures run = new RunFixtures()
                .group("g")
                .passed("g", "p")
                .outcome("g", "s", Verdict.SKIPPED, List.of(), "")
                .outcome("g", "f", Verdict.FLAKY, List.of(fail("x", ""), pass(1)), "")
                .outcome("g", "x", Verdict.FAILED, List.of(fail("x", "")), "")
                .outcome("g", "e", Verdict.ERROR, List.of(), "sandbox died: exit 137")
                .outcome("g", "n", Verdict.NOT_RUN, List.of(), "cancelled by --fail-fast");
        for (int i = 0; i < 6; i++) {
            run.batch(i, 0, 1, i, BatchOutcome.FAILURE);
        }
        Path file = dir.resolve("summary.json");

        SummaryJsonWriter.write(run.build(), Path.of("/repo/offload.toml"), "0.1.0", file);

        String text = Files.readString(file);
        assertThat(text).contains("\n  \"schema_version\" : 1,");
        JsonNode json = new ObjectMapper().readTree(text);
        assertThat(json.get("offload_version").asText()).isEqualTo("0.1.0");
        assertThat(json.get("run_id").asText()).isEqualTo("4fQx");
        assertThat(json.get("config").asText()).isEqualTo("/repo/offload.toml");
        assertThat(json.get("shard").isNull()).isTrue();
        assertThat(json.get("outcome").asText()).isEqualTo("fail");
        assertThat(json.get("exit_code").asInt()).isEqualTo(1);
        assertThat(json.get("started_at").asText()).isEqualTo("2026-11-26T10:00:00Z");
        assertThat(json.get("finished_at").asText()).isEqualTo("2026-11-26T10:01:23.400Z");
        assertThat(json.get("wall_time_secs").asDouble()).isEqualTo(83.4);
        JsonNode counts = json.get("counts");
        assertThat(counts.get("total").asInt()).isEqualTo(6);
        int sum = 0;
        for (String k : List.of("passed", "skipped", "flaky", "failed", "errors", "not_run")) {
            assertThat(counts.get(k).asInt()).as(k).isEqualTo(1);
            sum += counts.get(k).asInt();
        }
        assertThat(sum).isEqualTo(counts.get("total").asInt());
        assertThat(json.get("sandboxes").asInt()).isEqualTo(2);
        assertThat(json.get("batches").asInt()).isEqualTo(6);
        assertThat(json.get("estimated_cost_usd").isNull()).isTrue();
        assertThat(json.get("batch_overhead_secs").isNull())
                .as("no batch finished with results")
                .isTrue();
        assertThat(json.get("failed_tests").toString()).isEqualTo("[\"x\"]");
        assertThat(json.get("flaky_tests").toString()).isEqualTo("[\"f\"]");
        assertThat(json.get("not_run_tests").toString())
                .isEqualTo("[{\"id\":\"n\",\"cause\":\"cancelled by --fail-fast\"}]");
        assertThat(json.get("error_tests").toString())
                .isEqualTo("[{\"id\":\"e\",\"cause\":\"sandbox died: exit 137\"}]");
        assertThat(json.get("slowest_batches")).hasSize(5);
        assertThat(json.get("slowest_batches").get(0).toString())
                .isEqualTo("{\"batch\":5,\"sandbox\":0,\"tests\":1,\"secs\":5.0,\"outcome\":\"failure\"}");
        assertThat(json.get("error").isNull()).isTrue();
    }

    @Test
    void flakyRunHasExitCodeTwoUnlessFailOnFlaky() throws Exception {
        RunFixtures run = new RunFixtures()
                .group("g")
                .outcome("g", "f", Verdict.FLAKY, List.of(fail("x", ""), pass(1)), "")
                .cost(0.5);
        Path file = dir.resolve("summary.json");

        SummaryJsonWriter.write(run.build(), Path.of("offload.toml"), "0.1.0", file);
        JsonNode json = new ObjectMapper().readTree(file.toFile());
        assertThat(json.get("outcome").asText()).isEqualTo("flaky");
        assertThat(json.get("exit_code").asInt()).isEqualTo(2);
        assertThat(json.get("estimated_cost_usd").asDouble()).isEqualTo(0.5);

        SummaryJsonWriter.write(run.build(), Path.of("offload.toml"), "0.1.0", true, file);
        assertThat(new ObjectMapper().readTree(file.toFile()).get("exit_code").asInt())
                .isEqualTo(1);
    }

    @Test
    void batchOverheadIsWrittenInSecondsWithMillisecondPrecision() throws Exception {
        RunResult base = new RunFixtures()
                .group("g")
                .outcome("g", "a", Verdict.PASSED, List.of(pass(1)), "")
                .build();
        RunResult measured = new RunResult(
                base.runId(),
                base.startedAt(),
                base.finishedAt(),
                base.groups(),
                base.outcomes(),
                base.batches(),
                base.sandboxes(),
                base.shard(),
                base.estimatedCostUsd(),
                base.coreSeconds(),
                base.error(),
                java.util.OptionalDouble.of(1.23456));
        Path file = dir.resolve("summary.json");

        SummaryJsonWriter.write(measured, Path.of("offload.toml"), "0.1.0", file);

        assertThat(new ObjectMapper()
                        .readTree(file.toFile())
                        .get("batch_overhead_secs")
                        .asDouble())
                .isEqualTo(1.235);
    }
}
