package dev.offload.core.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ShardPartitionerTest {

    private static Map<String, Double> randomEstimates(int count, long seed) {
        Random random = new Random(seed);
        Map<String, Double> estimates = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            estimates.put("test-" + i, (double) (1 + random.nextInt(5)));
        }
        return estimates;
    }

    @Test
    void shardsAreDisjointAndTogetherHoldEveryTest() {
        Map<String, Double> estimates = randomEstimates(101, 1);
        List<String> ids = List.copyOf(estimates.keySet());
        Set<String> seen = new HashSet<>();

        for (int i = 1; i <= 4; i++) {
            for (String id : ShardPartitioner.select(estimates, ids, new Shard(i, 4))) {
                assertThat(seen.add(id)).as("%s in two shards", id).isTrue();
            }
        }

        assertThat(seen).containsExactlyInAnyOrderElementsOf(ids);
    }

    @Test
    void everyJobComputesTheSameShardWhateverTheDiscoveryOrder() {
        Map<String, Double> estimates = randomEstimates(50, 2);
        List<String> ids = new ArrayList<>(estimates.keySet());
        Set<String> expected = new HashSet<>(ShardPartitioner.select(estimates, ids, new Shard(2, 3)));

        Collections.shuffle(ids, new Random(3));

        assertThat(ShardPartitioner.select(estimates, ids, new Shard(2, 3)))
                .containsExactlyInAnyOrderElementsOf(expected);
    }

    @Test
    void selectedTestsKeepDiscoveryOrder() {
        Map<String, Double> estimates = Map.of("c", 1.0, "a", 1.0, "b", 1.0, "d", 1.0);

        // Sorted by id a, b, c, d, dealt to shards 1, 2, 1, 2.
        assertThat(ShardPartitioner.select(estimates, List.of("d", "c", "b", "a"), new Shard(1, 2)))
                .containsExactly("c", "a");
    }

    @Test
    void shardsAreBalancedByEstimate() {
        Map<String, Double> estimates = Map.of("big", 10.0, "m1", 4.0, "m2", 3.0, "m3", 3.0);
        List<String> ids = List.of("m1", "big", "m2", "m3");

        assertThat(ShardPartitioner.select(estimates, ids, new Shard(1, 2))).containsExactly("big");
        assertThat(ShardPartitioner.select(estimates, ids, new Shard(2, 2))).containsExactly("m1", "m2", "m3");
    }

    @Test
    void withoutHistoryShardsAreBalancedByCount() {
        List<String> ids = IntStream.range(0, 10).mapToObj(i -> "t" + i).toList();
        Map<String, Double> estimates = new LinkedHashMap<>();
        ids.forEach(id -> estimates.put(id, 1.0));

        assertThat(IntStream.rangeClosed(1, 3)
                        .map(i -> ShardPartitioner.select(estimates, ids, new Shard(i, 3))
                                .size()))
                .containsExactly(4, 3, 3);
    }

    @Test
    void moreShardsThanTestsLeavesSomeShardsEmpty() {
        assertThat(ShardPartitioner.select(Map.of("a", 1.0), List.of("a"), new Shard(2, 3)))
                .isEmpty();
    }

    @Test
    void aTestWithoutEstimateIsAProgrammingError() {
        assertThatThrownBy(() -> ShardPartitioner.select(Map.of(), List.of("a"), new Shard(1, 1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("no estimate for test a");
    }
}
