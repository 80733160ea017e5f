package dev.offload.core.framework;

import java.util.Objects;

/**
 * One test found by discovery.
 *
 * @param id canonical test id (SPEC §2): keys scheduling, results, reports and history
 * @param group the group that selected it (first in file order wins, SPEC §7.1)
 * @param classname what reports show as {@code classname}: the pytest file, the vitest file, the nextest binary id,
 *     the junit class; empty when the framework has none (reports then use the group name)
 * @param unit the scheduling unit it belongs to: tests of one unit are planned into the same batch, hedged together and
 *     re-queued together while their unit has company (a junit class keeps its {@code @BeforeAll} and ordered methods
 *     together, SPEC §7.3); by default each test is its own unit. Retries still select only the failed test.
 */
public record DiscoveredTest(String id, String group, String classname, String unit) {
    public DiscoveredTest {
        Objects.requireNonNull(id);
        Objects.requireNonNull(group);
        Objects.requireNonNull(classname);
        Objects.requireNonNull(unit);
    }

    /** A test that is its own scheduling unit. */
    public DiscoveredTest(String id, String group, String classname) {
        this(id, group, classname, id);
    }
}
