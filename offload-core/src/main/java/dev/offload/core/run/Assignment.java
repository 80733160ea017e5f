package dev.offload.core.run;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A batch handed to a sandbox: its number, its tests and the generation each test had at start.
 *
 * @param hedge a duplicate of still-running work (SPEC §9.6)
 */
record Assignment(
        int number,
        int slot,
        List<String> ids,
        QueuedBatch.Kind kind,
        boolean hedge,
        Map<String, Integer> generations,
        double estimateSecs,
        Instant started) {

    Assignment {
        ids = List.copyOf(ids);
        generations = Map.copyOf(generations);
    }

    boolean retry() {
        return kind != QueuedBatch.Kind.INITIAL;
    }
}
