package dev.offload.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.offload.core.config.GroupConfig;
import dev.offload.junit.engine.samples.OuterSample;
import dev.offload.junit.engine.samples.PlainSample;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which group a mirrored test joins (SPEC §16.4): the first whose junit filters accept it, else the first. */
class GroupFilterTest {
    private static final String PLAIN = "[engine:junit-jupiter]/[class:" + PlainSample.class.getName() + "]";
    private final Map<String, org.junit.platform.engine.TestDescriptor> tests = MirroringTest.byInnerId(
            MirroringTest.discover(selectClass(PlainSample.class), selectClass(OuterSample.class)));

    @Test
    void theFirstGroupWhoseFiltersAcceptTheTestWins() {
        var groups =
                List.of(group("slow", "--include-tag slow"), group("rest", ""), group("late", "--include-tag slow"));

        assertThat(groupOf(PLAIN + "/[method:named()]", groups)).isEqualTo("slow");
        assertThat(groupOf(PLAIN + "/[method:passes()]", groups)).isEqualTo("rest");
    }

    @Test
    void aTestNoGroupAcceptsJoinsTheFirstGroup() {
        var groups = List.of(group("first", "--include-tag nothing"), group("second", "--exclude-tag plain"));

        assertThat(groupOf(PLAIN + "/[method:passes()]", groups)).isEqualTo("first");
    }

    @Test
    void classNamePackageSelectAndEngineOptionsLookAtTheMirroredClassAndInnerEngine() {
        String inner = "[engine:junit-jupiter]/[class:" + OuterSample.class.getName()
                + "]/[nested-class:Inner]/[method:inner()]";

        assertThat(GroupFilter.parse("--include-classname '.*Outer.*'").accepts(test(inner)))
                .isTrue();
        assertThat(GroupFilter.parse("--exclude-classname '.*Outer.*'").accepts(test(inner)))
                .isFalse();
        assertThat(GroupFilter.parse("--select-class " + OuterSample.class.getName())
                        .accepts(test(inner)))
                .isTrue();
        assertThat(GroupFilter.parse("--select-class " + PlainSample.class.getName())
                        .accepts(test(inner)))
                .isFalse();
        assertThat(GroupFilter.parse("--include-package dev.offload.junit.engine.samples")
                        .accepts(test(inner)))
                .isTrue();
        assertThat(GroupFilter.parse("--select-package dev.offload.other").accepts(test(inner)))
                .isFalse();
        assertThat(GroupFilter.parse("--include-engine junit-jupiter --include-tag plain")
                        .accepts(test(inner)))
                .isFalse();
        assertThat(GroupFilter.parse("--exclude-engine junit-vintage").accepts(test(inner)))
                .isTrue();
    }

    private String groupOf(String id, List<GroupConfig> groups) {
        return GroupFilter.groupOf(test(id), groups);
    }

    private MirroredTestDescriptor test(String id) {
        return (MirroredTestDescriptor) tests.get(id);
    }

    private static GroupConfig group(String name, String filters) {
        return new GroupConfig(name, 0, filters, false);
    }
}
