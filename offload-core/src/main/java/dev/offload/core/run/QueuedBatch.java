package dev.offload.core.run;

import java.util.List;
import java.util.OptionalInt;

/**
 * A batch waiting in the queue.
 *
 * @param ids test ids in batch order
 * @param kind why it was queued
 * @param excludedSlot a retry batch avoids the sandbox where the failure happened (SPEC §9.5)
 */
record QueuedBatch(List<String> ids, Kind kind, OptionalInt excludedSlot) {
    QueuedBatch {
        ids = List.copyOf(ids);
    }

    static QueuedBatch initial(List<String> ids) {
        return new QueuedBatch(ids, Kind.INITIAL, OptionalInt.empty());
    }

    enum Kind {
        INITIAL,
        RETRY,
        REQUEUE,
        SOLO_AFTER_TIMEOUT
    }
}
