package dev.offload.core.schedule;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * CI sharding (SPEC §14): LPT over all discovered tests into {@code count} shards, keeping shard {@code index}. The
 * partition depends only on the ids and their estimates, never on discovery order, so every CI job computes the same
 * one and the shards are disjoint and together hold every id.
 */
public final class ShardPartitioner {
    private static final Comparator<Load> LIGHTEST_FIRST =
            Comparator.comparingDouble(Load::secs).thenComparingInt(Load::index);

    private ShardPartitioner() {}

    /**
     * The ids of {@code shard}, in discovery order.
     *
     * @param estimates per id, from steps (1), (3) and (4) of SPEC §9.1 only (see {@link
     *     DurationEstimator#forSharding}); must hold every id
     * @param discoveryOrderIds all discovered ids of all groups
     */
    public static List<String> select(Map<String, Double> estimates, List<String> discoveryOrderIds, Shard shard) {
        List<String> order = new ArrayList<>(new LinkedHashSet<>(discoveryOrderIds));
        for (String id : order) {
            if (!estimates.containsKey(id)) {
                throw new IllegalArgumentException("no estimate for test " + id);
            }
        }
        order.sort(Comparator.comparingDouble((String id) -> estimates.get(id))
                .reversed()
                .thenComparing(Utf8Order.COMPARATOR));
        Set<String> kept = new HashSet<>();
        PriorityQueue<Load> shards = new PriorityQueue<>(LIGHTEST_FIRST);
        for (int i = 0; i < shard.count(); i++) {
            shards.add(new Load(0, i));
        }
        for (String id : order) {
            Load lightest = shards.poll();
            if (lightest.index() == shard.index() - 1) {
                kept.add(id);
            }
            shards.add(new Load(lightest.secs() + estimates.get(id), lightest.index()));
        }
        return discoveryOrderIds.stream().filter(kept::contains).toList();
    }

    /** A shard's load so far; index counts from 0. */
    private record Load(double secs, int index) {}
}
