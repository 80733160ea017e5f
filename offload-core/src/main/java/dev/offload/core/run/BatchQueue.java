package dev.offload.core.run;

import dev.offload.core.schedule.BatchPlanner;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The batches waiting for a sandbox (SPEC §9.3, §9.5): the initial plan in queue order, with retries and re-queues
 * put in front. Not thread-safe: the {@link Dispatcher} uses it under its lock.
 */
final class BatchQueue {
    private final Deque<QueuedBatch> queue = new ArrayDeque<>();
    private final Function<String, String> unitOf;

    BatchQueue(List<List<String>> initial) {
        this(initial, id -> id);
    }

    /** @param unitOf each test's scheduling unit ({@link dev.offload.core.framework.DiscoveredTest#unit()}) */
    BatchQueue(List<List<String>> initial, Function<String, String> unitOf) {
        initial.forEach(ids -> queue.add(QueuedBatch.initial(ids)));
        this.unitOf = unitOf;
    }

    boolean isEmpty() {
        return queue.isEmpty();
    }

    void clear() {
        queue.clear();
    }

    /**
     * Takes the first batch this slot may run, without its decided tests; a batch left empty is dropped without a
     * number. A retry avoids the slot where its failure happened unless no other slot is open.
     *
     * @return the batch kind and its remaining ids
     */
    Optional<QueuedBatch> take(int slot, boolean otherSlotsOpen, Predicate<String> undecided) {
        for (Iterator<QueuedBatch> it = queue.iterator(); it.hasNext(); ) {
            QueuedBatch queued = it.next();
            if (queued.excludedSlot().orElse(-1) == slot && otherSlotsOpen) {
                continue;
            }
            it.remove();
            List<String> ids = queued.ids().stream().filter(undecided).toList();
            if (!ids.isEmpty()) {
                return Optional.of(new QueuedBatch(ids, queued.kind(), queued.excludedSlot()));
            }
        }
        return Optional.empty();
    }

    /** The failed tests of one batch, retried at once, elsewhere when possible (SPEC §10.4). */
    void retry(List<String> ids, int failedOnSlot) {
        queue.addFirst(new QueuedBatch(ids, QueuedBatch.Kind.RETRY, OptionalInt.of(failedOnSlot)));
    }

    /** A test that timed out runs once more alone (SPEC §10.6). */
    void runAloneAfterTimeout(String id) {
        queue.addFirst(new QueuedBatch(List.of(id), QueuedBatch.Kind.SOLO_AFTER_TIMEOUT, OptionalInt.empty()));
    }

    /** A test missing from an otherwise valid result runs again alone (SPEC §10.5). */
    void requeueAlone(String id) {
        requeueInHalves(List.of(id));
    }

    /**
     * Tests of a batch that hit an infrastructure error, split in two halves down to single tests (SPEC §10.5). Halves
     * keep units whole while the batch holds several; a lone unit is split like any batch, so the one test that kills
     * its JVM ends up alone and the others of its class still run.
     */
    void requeueInHalves(List<String> ids) {
        Map<String, List<String>> units = new LinkedHashMap<>();
        ids.forEach(id ->
                units.computeIfAbsent(unitOf.apply(id), u -> new ArrayList<>()).add(id));
        List<List<String>> halves;
        if (units.size() <= 1) {
            halves = BatchPlanner.splitInHalves(ids);
        } else {
            List<List<String>> groups = new ArrayList<>(units.values());
            int half = groups.size() / 2;
            halves = List.of(flat(groups.subList(0, half)), flat(groups.subList(half, groups.size())));
        }
        for (int i = halves.size() - 1; i >= 0; i--) { // the first half ends up in front
            queue.addFirst(new QueuedBatch(halves.get(i), QueuedBatch.Kind.REQUEUE, OptionalInt.empty()));
        }
    }

    private static List<String> flat(List<List<String>> groups) {
        return groups.stream().flatMap(List::stream).toList();
    }
}
