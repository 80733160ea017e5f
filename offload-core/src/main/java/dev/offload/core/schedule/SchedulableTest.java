package dev.offload.core.schedule;

import java.util.Objects;

/**
 * One test as the planner sees it.
 *
 * @param id canonical test id
 * @param estimateSecs expected duration (SPEC §9.1), finite and ≥ 0
 * @param individual whether its group has {@code schedule_individual = true}: it then gets a batch of its own
 */
public record SchedulableTest(String id, double estimateSecs, boolean individual) {
    public SchedulableTest {
        Objects.requireNonNull(id);
        if (!Double.isFinite(estimateSecs) || estimateSecs < 0) {
            throw new IllegalArgumentException("estimate of " + id + " must be finite and >= 0: " + estimateSecs);
        }
    }
}
