package dev.offload.core.run;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchQueueTest {

    @Test
    void retryAvoidsTheSlotWhereItFailedWhileAnotherSlotIsOpen() {
        var queue = new BatchQueue(List.of(List.of("a", "b")));
        queue.retry(List.of("x"), 1);

        assertThat(queue.take(1, true, id -> true))
                .get()
                .extracting(QueuedBatch::ids)
                .isEqualTo(List.of("a", "b"));
        assertThat(queue.take(1, true, id -> true)).isEmpty();
        assertThat(queue.take(1, false, id -> true))
                .get()
                .extracting(QueuedBatch::ids)
                .isEqualTo(List.of("x"));
    }

    @Test
    void decidedTestsAreDroppedAndAnEmptiedBatchIsSkipped() {
        var queue = new BatchQueue(List.of(List.of("a"), List.of("b", "c")));
        Set<String> decided = Set.of("a", "b");

        var taken = queue.take(0, true, id -> !decided.contains(id));

        assertThat(taken).get().extracting(QueuedBatch::ids).isEqualTo(List.of("c"));
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void infrastructureErrorsRequeueTwoHalvesAtTheFront() {
        var queue = new BatchQueue(List.of(List.of("later")));
        queue.requeueInHalves(List.of("a", "b", "c", "d", "e"));

        assertThat(queue.take(0, true, id -> true))
                .get()
                .extracting(QueuedBatch::ids)
                .isEqualTo(List.of("a", "b"));
        assertThat(queue.take(0, true, id -> true))
                .get()
                .extracting(QueuedBatch::ids)
                .isEqualTo(List.of("c", "d", "e"));
        assertThat(queue.take(0, true, id -> true))
                .get()
                .extracting(QueuedBatch::kind)
                .isEqualTo(QueuedBatch.Kind.INITIAL);
    }
}
