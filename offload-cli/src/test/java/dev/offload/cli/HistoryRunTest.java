package dev.offload.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * History end to end with real pytest and the local provider (SPEC §9.1, §12): the run after the first is scheduled
 * from measured durations, recording modes, damaged lines, the trace (§11.5) and {@code plan} (§5.4).
 */
class HistoryRunTest {
    private static final Pattern PLANNED = Pattern.compile("\\[plan] sandboxes 4: predicted wall ([0-9.]+)s ");
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @BeforeAll
    static void requirePytest() {
        PytestAvailability.require();
    }

    @Test
    void secondRunWithHistoryPlansASmallerMakespanAndRunsTheLongTestAlone() throws IOException {
        Path config = longTailedProject("record_history = \"always\"");

        CliRun first = CliRun.of("-c", config.toString(), "-v", "run");
        assertThat(first.exitCode()).as(first.err()).isZero();
        assertThat(dir.resolve("offload-history.jsonl")).content().contains("tests/test_x.py::test_long");
        // A fresh CI checkout: no previous junit.xml, only the committed history file.
        Files.delete(dir.resolve("test-results/junit.xml"));
        double overhead = measuredOverhead();
        CliRun second = CliRun.of("-c", config.toString(), "-v", "run");

        assertThat(second.exitCode()).as(second.err()).isZero();
        // Without data all 16 tests are estimated at 1 s: 4 per batch, 4 s + 1 s overhead.
        assertThat(planned(first)).isEqualTo(5.0);
        // With history the 2 s test is alone and the short ones share the other batches: the plan is the long test plus
        // the overhead the first run measured (which grows with the machine's load), not 4 tests' worth of it.
        assertThat(planned(second)).isLessThan(4.0 + overhead).isCloseTo(2.0 + overhead, offset(0.1));
        assertThat(testsInBatchOf("tests/test_x.py::test_long")).containsOnly(1);
        assertThat(second.err()).contains("History: recorded 16 attempts in " + dir.resolve("offload-history.jsonl"));
    }

    @Test
    void flagModeRecordsOnlyWithTheOptionAndTheOptionNeedsAHistoryTable() throws IOException {
        Path config = longTailedProject("record_history = \"flag\"");
        Path history = dir.resolve("offload-history.jsonl");

        assertThat(CliRun.of("-c", config.toString(), "run").exitCode()).isZero();
        assertThat(history).doesNotExist();
        assertThat(CliRun.of("-c", config.toString(), "run", "--record-history").exitCode())
                .isZero();
        assertThat(history).exists();

        Files.writeString(config, Files.readString(config).replaceAll("(?s)\\[history].*", ""));
        CliRun refused = CliRun.of("-c", config.toString(), "run", "--record-history");
        assertThat(refused.exitCode()).isEqualTo(1);
        assertThat(refused.err())
                .contains("--record-history", config.toString() + " has no [history] table")
                .doesNotContain("Exception");
    }

    @Test
    void aDamagedLineIsSkippedWithAWarningAndKeptAside() throws IOException {
        Path config = longTailedProject("record_history = \"always\"");
        Path history = dir.resolve("offload-history.jsonl");
        String valid = "{\"k\":[\"offload.toml\",\"tests/test_x.py::test_long\"],\"v\":{\"n\":1,\"f\":0,"
                + "\"last_run\":\"old1\",\"ok\":[[\"old1\",1000,2.0]],\"fail\":[]}}";
        Files.writeString(history, valid + "\n=======\n");

        CliRun run = CliRun.of("-c", config.toString(), "run");

        assertThat(run.exitCode()).as(run.err()).isZero();
        assertThat(run.err()).contains("warning: history " + history + ":2: invalid record skipped (not JSON");
        assertThat(dir.resolve("test-results/.offload/history-dropped.jsonl")).hasContent("=======");
        String after = Files.readString(history);
        assertThat(after).doesNotContain("=======").contains("[\"old1\",1000,2.0]");
        assertThat(after.lines()).hasSize(16);
    }

    @Test
    void traceHoldsTheRunPhasesAndOneSpanPerBatch() throws IOException {
        Path config = longTailedProject("record_history = \"always\"");

        CliRun run = CliRun.of("-c", config.toString(), "run", "--trace");

        assertThat(run.exitCode()).as(run.err()).isZero();
        Path trace = dir.resolve("test-results/trace.json");
        assertThat(run.err()).contains("Trace written to " + trace);
        JsonNode events = JSON.readTree(trace.toFile());
        assertThat(events.isArray()).isTrue();
        List<String> spans = new ArrayList<>();
        for (JsonNode e : events) {
            assertThat(e.path("ph").asText()).isIn("X", "M", "i");
            assertThat(e.path("ts").isIntegralNumber()).isTrue();
            assertThat(e.path("ts").asLong()).isNotNegative();
            assertThat(e.has("pid") && e.has("tid") && e.has("name") && e.has("cat"))
                    .isTrue();
            if (e.path("ph").asText().equals("X")) {
                assertThat(e.path("dur").asLong()).isNotNegative();
                spans.add(e.path("name").asText());
            }
        }
        int batches = JSON.readTree(dir.resolve("test-results/summary.json").toFile())
                .path("batches")
                .asInt();
        assertThat(spans.stream().filter(s -> s.startsWith("batch_"))).hasSize(batches);
        assertThat(spans)
                .contains(
                        "config_load",
                        "discovery",
                        "scheduling",
                        "sandbox_create",
                        "sandbox_pool_create",
                        "sandbox_cleanup",
                        "result_aggregation");
        JsonNode batch = Stream.of(events)
                .flatMap(a -> java.util.stream.StreamSupport.stream(a.spliterator(), false))
                .filter(e -> e.path("name").asText().equals("batch_0"))
                .findFirst()
                .orElseThrow();
        assertThat(batch.path("tid").asInt()).isEqualTo(1);
        assertThat(batch.path("pid").asInt())
                .isEqualTo(batch.path("args").path("sandbox_index").asInt() + 1);
        assertThat(batch.path("args").fieldNames())
                .toIterable()
                .contains("batch_index", "test_count", "sandbox_index", "outcome", "hedge", "retry");
        assertThat(events.toString()).contains("\"process_name\"", "\"Offload (Local)\"", "\"Sandbox 0\"", "\"Exec\"");
    }

    @Test
    void planPredictsEachSandboxCountFromTheRecordedSuiteWithoutRunningIt() throws IOException {
        Path config = longTailedProject("record_history = \"always\"");
        assertThat(CliRun.of("-c", config.toString(), "run").exitCode()).isZero();
        Files.writeString(config, Files.readString(config) + "\n[report]\ncost_per_core_hour = 36.0\n");
        Files.delete(dir.resolve("test-results/junit.xml"));

        CliRun plan = CliRun.of("-c", config.toString(), "plan", "--parallel", "1,4", "--show-estimated-cost");

        assertThat(plan.exitCode()).as(plan.err()).isZero();
        assertThat(dir.resolve("test-results/junit.xml")).doesNotExist(); // nothing ran
        assertThat(plan.out()).contains("Plan for 16 tests");
        Matcher one = Pattern.compile(
                        "sandboxes 1: predicted wall ([0-9.]+)s \\(lower bound ([0-9.]+)s, 1 batches\\), estimated cost \\$([0-9.]+)")
                .matcher(plan.out());
        assertThat(one.find()).as(plan.out()).isTrue();
        // One sandbox: all the measured test time (at least the 2 s test) plus one overhead.
        assertThat(Double.parseDouble(one.group(2))).isGreaterThanOrEqualTo(2.0);
        assertThat(Double.parseDouble(one.group(1))).isGreaterThan(Double.parseDouble(one.group(2)));
        // 36 USD per core-hour = 0.01 USD per core-second, one local core.
        assertThat(Double.parseDouble(one.group(3))).isCloseTo(Double.parseDouble(one.group(1)) * 0.01, within());
        assertThat(plan.out())
                .containsPattern("sandboxes 4: predicted wall [0-9.]+s \\(lower bound 2\\.[0-9]s, 4 batches\\)");
    }

    private static org.assertj.core.data.Offset<Double> within() {
        return org.assertj.core.data.Offset.offset(0.002);
    }

    private static double planned(CliRun run) {
        return planLine(run).group(1).transform(Double::parseDouble);
    }

    private static Matcher planLine(CliRun run) {
        Matcher m = PLANNED.matcher(run.err());
        assertThat(m.find()).as(run.err()).isTrue();
        return m;
    }

    /** O as the last run measured it ({@code batch_overhead_secs} of its summary.json): the next plan's overhead. */
    private double measuredOverhead() throws IOException {
        Matcher m = Pattern.compile("\"batch_overhead_secs\"\\s*:\\s*([0-9.]+)")
                .matcher(Files.readString(dir.resolve("test-results/summary.json")));
        assertThat(m.find()).isTrue();
        return Double.parseDouble(m.group(1));
    }

    /** The number of testcases in each batch result that holds {@code id}. */
    private List<Integer> testsInBatchOf(String id) throws IOException {
        List<Integer> sizes = new ArrayList<>();
        try (Stream<Path> parts = Files.list(dir.resolve("test-results/junit-parts"))) {
            for (Path part : parts.toList()) {
                String xml = Files.readString(part);
                if (xml.contains("name=\"" + id + "\"")) {
                    sizes.add(xml.split("<testcase ", -1).length - 1);
                }
            }
        }
        assertThat(sizes).isNotEmpty();
        return sizes;
    }

    /** One 2 s test and 15 short ones, 4 sandboxes, history in {@code offload-history.jsonl}. */
    private Path longTailedProject(String recordMode) throws IOException {
        Files.createDirectories(dir.resolve("tests"));
        Files.writeString(dir.resolve("tests/test_x.py"), """
                import time, pytest

                def test_long():
                    time.sleep(2.0)

                @pytest.mark.parametrize("i", range(15))
                def test_short(i):
                    time.sleep(0.01)
                """);
        return Files.writeString(dir.resolve("offload.toml"), """
                [offload]
                max_parallel = 4
                test_timeout_secs = 120
                impatiently_requeue_batches = false

                [provider]
                type = "local"

                [framework]
                type = "pytest"
                paths = ["tests"]
                command = "python3 -m pytest"

                [groups.all]

                [history]
                %s
                """.formatted(recordMode));
    }
}
