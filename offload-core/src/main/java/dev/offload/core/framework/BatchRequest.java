package dev.offload.core.framework;

import java.util.List;

/**
 * One batch to run.
 *
 * @param number contiguous batch number N (SPEC §9.5)
 * @param ids distinct test ids, in batch order
 * @param runId the run id, for sandbox-side temp paths
 * @param resultDir sandbox-side directory for result files ({@code /tmp/offload-<run id>} remotely, the run temp
 *     directory locally); the framework names its file {@code batch-<N>.<ext>} inside it
 * @param failFast pass the framework's stop flag (SPEC §10.7)
 * @param eventToken the run's random token for streamed event lines {@code ##offload:<token>## {...}} (SPEC §7.1); also
 *     in the batch environment as {@code OFFLOAD_EVENT_TOKEN}, so a runner plugin can read it there
 */
public record BatchRequest(
        int number, List<String> ids, String runId, String resultDir, boolean failFast, String eventToken) {
    public BatchRequest {
        ids = List.copyOf(ids);
    }

    /** A batch whose runner streams no events. */
    public BatchRequest(int number, List<String> ids, String runId, String resultDir, boolean failFast) {
        this(number, ids, runId, resultDir, failFast, "");
    }
}
