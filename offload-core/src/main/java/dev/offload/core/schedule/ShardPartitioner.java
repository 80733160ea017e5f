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
    private static final Comparator<Estimated> HEAVIEST_FIRST =
            Comparator.comparingDouble(Estimated::secs).reversed().thenComparing(Estimated::id, Utf8Order.COMPARATOR);
    private static final Comparator<ShardLoad> LIGHTEST_FIRST =
            Comparator.comparingDouble(ShardLoad::secs).thenComparingInt(ShardLoad::index);

    private ShardPartitioner() {}

    /**
     * The ids of {@code shard}, in discovery order.
     *
     * @param estimates per id, from steps (1), (3) and (4) of SPEC §9.1 only (see {@link
     *     DurationEstimator#forSharding}); must hold every id
     * @param discoveryOrderIds all discovered ids of all groups
     */
    public static List<String> select(Map<String, Double> estimates, List<String> discoveryOrderIds, Shard shard) {
        List<Estimated> order = new ArrayList<>();
        for (String id : new LinkedHashSet<>(discoveryOrderIds)) {
            Double secs = estimates.get(id);
            if (secs == null) {
                throw new IllegalArgumentException("no estimate for test " + id);
            }
            order.add(new Estimated(id, secs));
        }
        order.sort(HEAVIEST_FIRST);
        Set<String> kept = new HashSet<>();
        PriorityQueue<ShardLoad> shards = new PriorityQueue<>(LIGHTEST_FIRST);
        for (int i = 0; i < shard.count(); i++) {
            shards.add(new ShardLoad(i, 0));
        }
        for (Estimated test : order) {
            ShardLoad lightest = shards.poll();
            if (lightest.index() == shard.index() - 1) {
                kept.add(test.id());
            }
            shards.add(new ShardLoad(lightest.index(), lightest.secs() + test.secs()));
        }
        return discoveryOrderIds.stream().filter(kept::contains).toList();
    }

    private record Estimated(String id, double secs) {}

    /** A shard's load so far; index counts from 0. */
    private record ShardLoad(int index, double secs) {}
}
