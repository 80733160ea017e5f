package dev.offload.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.offload.junit.engine.samples.PlainSample;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;

/** Surefire's second discovery of the same request reuses the nested plan; any other request discovers again. */
class NestedPlanCacheTest {
    private final AtomicInteger discoveries = new AtomicInteger();
    private final NestedPlanCache cache = new NestedPlanCache();

    @Test
    void theSameRequestPartsDiscoverOnceAndAnotherRequestDiscoversAgain() {
        var filter = ClassNameFilter.includeClassNamePatterns(".*Sample");
        LauncherDiscoveryRequest first = request(filter);

        TestPlan plan = cache.plan(first, this::discover);
        TestPlan again = cache.plan(first, this::discover);

        assertThat(again).isSameAs(plan);
        assertThat(discoveries).hasValue(1);
        // A new request with the same filter and parameters, plus an execution switch: Surefire's second discovery.
        cache.plan(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(PlainSample.class))
                        .filters(filter)
                        .configurationParameter("offload.enabled", "true")
                        .configurationParameter("junit.vintage.execution.parallel.enabled", "false")
                        .build(),
                this::discover);
        assertThat(discoveries).hasValue(1);
        // Equal selectors, but a new filter object (nothing tells it means the same), or other parameters.
        cache.plan(request(ClassNameFilter.includeClassNamePatterns(".*Sample")), this::discover);
        assertThat(discoveries).hasValue(2);
        cache.plan(
                LauncherDiscoveryRequestBuilder.request()
                        .selectors(selectClass(PlainSample.class))
                        .filters(filter)
                        .configurationParameter("offload.enabled", "true")
                        .configurationParameter("junit.jupiter.displayname.generator.default", "x")
                        .build(),
                this::discover);
        assertThat(discoveries).hasValue(3);
    }

    @Test
    void theEngineMirrorsTheSameTestsFromAReusedPlan() {
        var engine = new OffloadTestEngine();
        LauncherDiscoveryRequest request = request(ClassNameFilter.includeClassNamePatterns(".*"));

        var once = engine.discover(request, UniqueId.forEngine(OffloadTestEngine.ID));
        var twice = engine.discover(request, UniqueId.forEngine(OffloadTestEngine.ID));

        assertThat(MirroringTest.byInnerId(twice).keySet())
                .isNotEmpty()
                .isEqualTo(MirroringTest.byInnerId(once).keySet());
        assertThat(twice).isNotSameAs(once);
    }

    private TestPlan discover() {
        discoveries.incrementAndGet();
        return NestedDiscovery.discover(request(ClassNameFilter.includeClassNamePatterns(".*")));
    }

    private static LauncherDiscoveryRequest request(ClassNameFilter filter) {
        return LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(PlainSample.class))
                .filters(filter)
                .configurationParameter("offload.enabled", "true")
                .build();
    }
}
