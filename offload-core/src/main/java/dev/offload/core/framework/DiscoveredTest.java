package dev.offload.core.framework;

import java.util.Objects;

/**
 * One test found by discovery.
 *
 * @param id canonical test id (SPEC §2): keys scheduling, results, reports and history
 * @param group the group that selected it (first in file order wins, SPEC §7.1)
 * @param classname what reports show as {@code classname}: the pytest file, the vitest file, the nextest binary id,
 *     the junit class; empty when the framework has none (reports then use the group name)
 */
public record DiscoveredTest(String id, String group, String classname) {
    public DiscoveredTest {
        Objects.requireNonNull(id);
        Objects.requireNonNull(group);
        Objects.requireNonNull(classname);
    }
}
