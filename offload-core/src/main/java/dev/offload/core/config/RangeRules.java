package dev.offload.core.config;

import java.util.Optional;

/**
 * Validation step 3 (SPEC §4.12) extended to every numeric bound of the §4.5-§4.10 tables. Runs after binding, so
 * each value present already has its declared type; absent keys have valid defaults.
 */
final class RangeRules {
    private final ConfigFile file;
    private final Node tree;

    RangeRules(ConfigFile file, Node tree) {
        this.file = file;
        this.tree = tree;
    }

    void check(Config config) throws ConfigException {
        atLeast(1, "offload", "max_parallel");
        atLeast(1, "offload", "test_timeout_secs");
        atLeast(0, "offload", "max_parallel_collection");
        for (GroupConfig group : config.groups()) {
            atLeast(0, "groups", group.name(), "retry_count");
        }
        atLeast(1, "provider", "timeout_secs");
        atLeast(1, "provider", "slots_per_host");
        positive("provider", "cpu_cores");
        positive("provider", "memory_gb");
        atLeast(0, "report", "cost_per_core_hour");
        atLeast(1, "history", "reservoir_size");
        positive("history", "default_duration_secs");
    }

    private void atLeast(double min, String... path) throws ConfigException {
        Optional<Node> node = tree.find(path);
        if (node.isPresent() && ((Number) node.get().value()).doubleValue() < min) {
            throw file.error(
                    node.get(),
                    "must be at least " + (long) min + ", found " + node.get().value());
        }
    }

    private void positive(String... path) throws ConfigException {
        Optional<Node> node = tree.find(path);
        if (node.isPresent() && ((Number) node.get().value()).doubleValue() <= 0) {
            throw file.error(
                    node.get(), "must be greater than 0, found " + node.get().value());
        }
    }
}
