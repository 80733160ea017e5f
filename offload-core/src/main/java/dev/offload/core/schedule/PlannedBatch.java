package dev.offload.core.schedule;

import java.util.List;

/**
 * A batch of the initial queue.
 *
 * @param ids test ids in run order (no id twice; joined by spaces at most {@link BatchIds#MAX_JOINED_CHARS} characters
 *     unless there is only one)
 * @param estimateSecs sum of the ids' estimates
 * @param individual whether this is a {@code schedule_individual} test's own batch
 */
public record PlannedBatch(List<String> ids, double estimateSecs, boolean individual) {
    public PlannedBatch {
        ids = List.copyOf(ids);
        if (ids.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one test");
        }
    }
}
