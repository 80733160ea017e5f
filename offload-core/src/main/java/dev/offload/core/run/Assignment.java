package dev.offload.core.run;

import dev.offload.core.provider.StopSignal;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A batch handed to a sandbox: its number, its tests, the generation each test had at start, and the signal that
 * stops this batch (and no other) on its sandbox.
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
        Instant started,
        StopSignal stop) {

    Assignment {
        ids = List.copyOf(ids);
        generations = Map.copyOf(generations);
    }

    boolean retry() {
        return kind != QueuedBatch.Kind.INITIAL;
    }
}
