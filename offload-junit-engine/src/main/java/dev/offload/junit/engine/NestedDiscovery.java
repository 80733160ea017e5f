package dev.offload.junit.engine;

import java.util.ArrayList;
import java.util.List;
import org.junit.platform.engine.DiscoveryFilter;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.discovery.UniqueIdSelector;
import org.junit.platform.launcher.EngineFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Asks the other engines for their tests (SPEC §16.3): a nested {@code Launcher} from the public
 * {@code LauncherFactory}, given the outer request's selectors, discovery filters and configuration parameters, with
 * this engine excluded so it never discovers itself.
 */
final class NestedDiscovery {
    private NestedDiscovery() {}

    static TestPlan discover(EngineDiscoveryRequest outer) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(innerSelectors(outer))
                .filters(filters(outer))
                .parentConfigurationParameters(outer.getConfigurationParameters())
                .build();
        return LauncherFactory.create().discover(request);
    }

    private static Filter<?>[] filters(EngineDiscoveryRequest outer) {
        List<Filter<?>> filters = new ArrayList<>();
        // The outer request's discovery filters (class name, package) apply to every engine alike.
        for (DiscoveryFilter<?> filter : outer.getFiltersByType(DiscoveryFilter.class)) {
            filters.add(filter);
        }
        filters.add(EngineFilter.excludeEngines(OffloadTestEngine.ID));
        return filters.toArray(Filter<?>[]::new);
    }

    /**
     * The selectors for the inner engines. A UniqueId of this engine (an IDE re-running one mirrored test or class) is
     * translated to the inner test or class it names; every other selector passes unchanged.
     */
    static List<DiscoverySelector> innerSelectors(EngineDiscoveryRequest outer) {
        List<DiscoverySelector> selectors = new ArrayList<>();
        for (DiscoverySelector selector : outer.getSelectorsByType(DiscoverySelector.class)) {
            if (selector instanceof UniqueIdSelector byId && isOurs(byId.getUniqueId())) {
                translate(byId.getUniqueId()).ifPresent(selectors::add);
            } else {
                selectors.add(selector);
            }
        }
        return selectors;
    }

    private static boolean isOurs(UniqueId id) {
        return id.getEngineId().filter(OffloadTestEngine.ID::equals).isPresent();
    }

    private static java.util.Optional<DiscoverySelector> translate(UniqueId id) {
        List<UniqueId.Segment> segments = id.getSegments();
        for (UniqueId.Segment segment : segments) {
            if (segment.getType().equals(MirroredTestDescriptor.SEGMENT)) {
                return java.util.Optional.of(DiscoverySelectors.selectUniqueId(segment.getValue()));
            }
        }
        UniqueId.Segment last = id.getLastSegment();
        if (last.getType().equals(MirroredClassDescriptor.SEGMENT)) {
            return java.util.Optional.of(DiscoverySelectors.selectClass(last.getValue()));
        }
        return java.util.Optional.empty(); // the engine itself: nothing selected here
    }
}
