package dev.offload.core.run;

import dev.offload.core.framework.DiscoveredTest;
import dev.offload.core.schedule.BatchPlanner;
import dev.offload.core.schedule.PlannedBatch;
import dev.offload.core.schedule.SchedulableTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Plans the initial queue over scheduling units (SPEC §7.3, §9.2): each unit is one item for LPT, estimated as the sum
 * of its tests, and expands back into its tests in discovery order. Frameworks whose tests are their own units plan
 * exactly as before.
 */
final class UnitBatches {
    private UnitBatches() {}

    static List<List<String>> plan(
            List<DiscoveredTest> tests,
            Map<String, Double> estimates,
            Set<String> individualGroups,
            int maxParallel,
            Consumer<String> warnings) {
        Map<String, List<DiscoveredTest>> units = new LinkedHashMap<>();
        tests.forEach(
                t -> units.computeIfAbsent(t.unit(), u -> new ArrayList<>()).add(t));
        List<SchedulableTest> schedulable = new ArrayList<>(units.size());
        units.forEach((unit, members) -> schedulable.add(new SchedulableTest(
                unit,
                members.stream().mapToDouble(t -> estimates.get(t.id())).sum(),
                individualGroups.contains(members.get(0).group()))));
        List<List<String>> queue = new ArrayList<>();
        for (PlannedBatch batch : BatchPlanner.plan(schedulable, maxParallel, warnings)) {
            List<String> ids = new ArrayList<>();
            batch.ids().forEach(unit -> units.get(unit).forEach(t -> ids.add(t.id())));
            queue.add(List.copyOf(ids));
        }
        return List.copyOf(queue);
    }
}
