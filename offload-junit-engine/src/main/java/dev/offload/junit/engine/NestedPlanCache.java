package dev.offload.junit.engine;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;
import org.junit.platform.engine.ConfigurationParameters;
import org.junit.platform.engine.DiscoveryFilter;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.launcher.TestPlan;

/**
 * The last nested test plan of one engine instance. Surefire discovers twice with the same request parts (once to
 * plan its run, once to execute it); the nested discovery, most of the engine's own start-up, then runs once for both.
 * A request matches only with equal selectors, the very same filter objects and equal configuration parameters, so
 * any other request (another IDE selection, other filters) discovers afresh.
 */
final class NestedPlanCache {
    private record Key(List<DiscoverySelector> selectors, List<IdentityOf> filters, Object parameters) {
        static Key of(EngineDiscoveryRequest request) {
            List<IdentityOf> filters = request.getFiltersByType(DiscoveryFilter.class).stream()
                    .map(IdentityOf::new)
                    .toList();
            return new Key(
                    List.copyOf(request.getSelectorsByType(DiscoverySelector.class)),
                    filters,
                    parameters(request.getConfigurationParameters()));
        }

        /**
         * The parameters' values (Surefire builds a new object per request), else the object itself. Execution
         * switches ({@code junit.vintage.execution.parallel.enabled}, which Surefire adds for its second call) do not
         * shape a test plan and are left out.
         */
        private static Object parameters(ConfigurationParameters parameters) {
            try {
                Map<String, Optional<String>> values = new TreeMap<>();
                parameters.keySet().stream()
                        .filter(k -> !k.contains(".execution."))
                        .forEach(k -> values.put(k, parameters.get(k)));
                return values;
            } catch (RuntimeException | LinkageError e) {
                return new IdentityOf(parameters);
            }
        }
    }

    /** Equal only to a wrapper of the same object: filters and parameters have no value equality. */
    private record IdentityOf(Object value) {
        @Override
        public boolean equals(Object other) {
            return other instanceof IdentityOf that && that.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    private Key key;
    private TestPlan plan;

    synchronized TestPlan plan(EngineDiscoveryRequest request, Supplier<TestPlan> discover) {
        Key wanted = Key.of(request);
        if (!wanted.equals(key)) {
            plan = discover.get();
            key = wanted;
        }
        return plan;
    }
}
