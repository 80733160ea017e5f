package dev.offload.core.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.offload.core.run.BatchRecord;
import dev.offload.core.run.RunResult;
import dev.offload.core.run.TestOutcome;
import dev.offload.core.run.Verdict;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** {@code summary.json} (SPEC §11.4): the machine-readable outcome of a run, for CI scripts. */
public final class SummaryJsonWriter {

    /** Bumped only on incompatible changes. */
    public static final int SCHEMA_VERSION = 1;

    private static final ObjectMapper MAPPER = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private SummaryJsonWriter() {}

    /** Writes the summary atomically, with the exit code of a run without {@code --fail-on-flaky}. */
    public static void write(RunResult result, Path configPath, String offloadVersion, Path file) throws IOException {
        write(result, configPath, offloadVersion, false, file);
    }

    public static void write(RunResult result, Path configPath, String offloadVersion, boolean failOnFlaky, Path file)
            throws IOException {
        ObjectNode summary = toJson(result, configPath, offloadVersion, failOnFlaky);
        AtomicFiles.write(file, out -> {
            MAPPER.writeValue(out, summary);
        });
    }

    static ObjectNode toJson(RunResult result, Path configPath, String offloadVersion, boolean failOnFlaky) {
        ObjectNode root = MAPPER.createObjectNode();
        root.put("schema_version", SCHEMA_VERSION);
        root.put("offload_version", offloadVersion);
        root.put("run_id", result.runId());
        root.put("config", configPath.toString());
        root.put("shard", result.shard().orElse(null));
        root.put("outcome", result.outcomeName());
        root.put("exit_code", result.exitCode(failOnFlaky));
        root.put("started_at", result.startedAt().toString());
        root.put("finished_at", result.finishedAt().toString());
        root.put(
                "wall_time_secs",
                Duration.between(result.startedAt(), result.finishedAt()).toNanos() / 1e9);
        ObjectNode counts = root.putObject("counts");
        counts.put("total", result.outcomes().size());
        counts.put("passed", result.count(Verdict.PASSED));
        counts.put("skipped", result.count(Verdict.SKIPPED));
        counts.put("flaky", result.count(Verdict.FLAKY));
        counts.put("failed", result.count(Verdict.FAILED));
        counts.put("errors", result.count(Verdict.ERROR));
        counts.put("not_run", result.count(Verdict.NOT_RUN));
        root.put("sandboxes", result.sandboxes());
        root.put("batches", result.batches().size());
        root.put("estimated_cost_usd", result.estimatedCostUsd().orElse(null));
        if (result.batchOverheadSecs().isPresent()) {
            root.put(
                    "batch_overhead_secs", Math.round(result.batchOverheadSecs().getAsDouble() * 1000) / 1000.0);
        } else {
            root.putNull("batch_overhead_secs");
        }
        ids(root.putArray("failed_tests"), result, Verdict.FAILED);
        ids(root.putArray("flaky_tests"), result, Verdict.FLAKY);
        withCauses(root.putArray("not_run_tests"), result, Verdict.NOT_RUN);
        withCauses(root.putArray("error_tests"), result, Verdict.ERROR);
        ArrayNode slowest = root.putArray("slowest_batches");
        for (BatchRecord batch : SlowestBatches.of(result)) {
            slowest.addObject()
                    .put("batch", batch.number())
                    .put("sandbox", batch.sandbox())
                    .put("tests", batch.tests())
                    .put("secs", Math.round(batch.secs() * 1000) / 1000.0)
                    .put("outcome", batch.outcome().suffix());
        }
        root.put("error", result.error().orElse(null));
        return root;
    }

    /** {@code {id, cause}} objects: ERROR and NOT_RUN tests carry their cause in every report (SPEC §7.4). */
    private static void withCauses(ArrayNode array, RunResult result, Verdict verdict) {
        for (TestOutcome o : result.outcomes()) {
            if (o.verdict() == verdict) {
                array.addObject()
                        .put("id", o.test().id())
                        .put("cause", o.cause().orElse(""));
            }
        }
    }

    private static void ids(ArrayNode array, RunResult result, Verdict verdict) {
        result.outcomes().stream()
                .filter(o -> o.verdict() == verdict)
                .forEach(o -> array.add(o.test().id()));
    }
}
