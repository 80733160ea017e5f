package dev.offload.junit.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectUniqueId;

import dev.offload.junit.engine.samples.OuterSample;
import dev.offload.junit.engine.samples.PlainSample;
import dev.offload.junit.engine.samples.TemplateSample;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TagFilter;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Discovery (SPEC §16.1, §16.3): activation and the mirrored descriptor tree, with the real Jupiter engine inside. */
class MirroringTest {
    private static final String JUPITER = "[engine:junit-jupiter]";
    private static final String PLAIN = JUPITER + "/[class:" + PlainSample.class.getName() + "]";

    @Test
    void withoutEnabledParameterTheEngineDiscoversNothing() {
        TestDescriptor engine = EngineTestKit.engine(new OffloadTestEngine())
                .selectors(selectClass(PlainSample.class))
                .discover()
                .getEngineDescriptor();

        assertThat(engine.getChildren()).isEmpty();
        assertThat(engine.getUniqueId().toString()).isEqualTo("[engine:offload]");
    }

    @Test
    void enabledFalseAlsoDiscoversNothing() {
        TestDescriptor engine = discover(Map.of("offload.enabled", "false"), List.of(), selectClass(PlainSample.class));

        assertThat(engine.getChildren()).isEmpty();
    }

    @Test
    void eachClassIsAContainerWithClassSourceHoldingItsTestsUnderTheirInnerUniqueIds() {
        TestDescriptor engine = discover(selectClass(PlainSample.class));

        assertThat(engine.getChildren()).hasSize(1);
        TestDescriptor container = engine.getChildren().iterator().next();
        assertThat(container.getUniqueId())
                .isEqualTo(UniqueId.forEngine("offload").append("class", PlainSample.class.getName()));
        assertThat(container.getSource()).contains(ClassSource.from(PlainSample.class.getName()));
        assertThat(container.isContainer()).isTrue();
        assertThat(container.getDisplayName()).isEqualTo("PlainSample");
        assertThat(container.getLegacyReportingName()).isEqualTo(PlainSample.class.getName());
        assertThat(container.getTags()).containsExactly(TestTag.create("plain"));
        // The inner UniqueId is one segment value (UniqueId encodes its brackets when printed).
        assertThat(container.getChildren())
                .map(TestDescriptor::getUniqueId)
                .containsExactlyInAnyOrder(
                        container.getUniqueId().append("test", PLAIN + "/[method:passes()]"),
                        container.getUniqueId().append("test", PLAIN + "/[method:named()]"),
                        container.getUniqueId().append("test", PLAIN + "/[method:fails()]"),
                        container.getUniqueId().append("test", PLAIN + "/[method:disabled()]"));
        assertThat(container.getChildren()).allMatch(TestDescriptor::isTest);
    }

    @Test
    void testsKeepDisplayNameLegacyReportingNameTagsAndMethodSource() {
        TestDescriptor named =
                byInnerId(discover(selectClass(PlainSample.class))).get(PLAIN + "/[method:named()]");

        assertThat(named.getDisplayName()).isEqualTo("a named test");
        assertThat(named.getLegacyReportingName()).isEqualTo("named()");
        assertThat(named.getTags()).containsExactlyInAnyOrder(TestTag.create("plain"), TestTag.create("slow"));
        assertThat(named.getSource()).contains(MethodSource.from(PlainSample.class.getName(), "named", ""));
    }

    @Test
    void nestedClassesBecomeTheirOwnContainerNamedByBinaryName() {
        TestDescriptor engine = discover(selectClass(OuterSample.class));

        Map<String, TestDescriptor> containers = engine.getChildren().stream()
                .collect(Collectors.toMap(c -> ((MirroredClassDescriptor) c).className(), Function.identity()));
        String inner = OuterSample.class.getName() + "$Inner";
        assertThat(containers).containsOnlyKeys(OuterSample.class.getName(), inner);
        assertThat(containers.get(inner).getSource()).contains(ClassSource.from(inner));
        assertThat(containers.get(inner).getDisplayName()).isEqualTo("Inner");
        assertThat(byInnerId(engine))
                .containsKey(
                        JUPITER + "/[class:" + OuterSample.class.getName() + "]/[nested-class:Inner]/[method:inner()]");
        assertThat(containers.get(inner).getChildren())
                .singleElement()
                .extracting(d -> ((MirroredTestDescriptor) d).innerId())
                .asString()
                .endsWith("/[nested-class:Inner]/[method:inner()]");
        // Flattened: the nested container hangs directly under the engine, beside its outer class.
        assertThat(containers.get(inner).getParent()).contains(engine);
    }

    @Test
    void templatesAndFactoriesAreContainersWithMethodSourceThatMayRegisterTests() {
        Map<String, TestDescriptor> tests = byInnerId(discover(selectClass(TemplateSample.class)));
        String cls = JUPITER + "/[class:" + TemplateSample.class.getName() + "]";

        TestDescriptor template = tests.get(cls + "/[test-template:numbers(int)]");
        TestDescriptor factory = tests.get(cls + "/[test-factory:factory()]");
        assertThat(List.of(template, factory)).allSatisfy(d -> {
            assertThat(d.getType()).isEqualTo(TestDescriptor.Type.CONTAINER);
            assertThat(d.mayRegisterTests()).isTrue();
            assertThat(d.getSource()).containsInstanceOf(MethodSource.class);
            assertThat(d.getChildren()).isEmpty();
        });
        assertThat(tests).hasSize(2);
    }

    @Test
    void outerTagFiltersPruneMirroredTestsAndEmptyContainers() {
        TestDescriptor engine = discover(
                Map.of("offload.enabled", "true"),
                List.of(TagFilter.includeTags("slow")),
                selectClass(PlainSample.class),
                selectClass(OuterSample.class));

        assertThat(byInnerId(engine)).containsOnlyKeys(PLAIN + "/[method:named()]");
        assertThat(engine.getChildren()).hasSize(1);
    }

    @Test
    void outerClassNameFiltersReachTheInnerEngines() {
        TestDescriptor engine = discover(
                Map.of("offload.enabled", "true"),
                List.of(ClassNameFilter.excludeClassNamePatterns(".*Outer.*")),
                DiscoverySelectors.selectPackage("dev.offload.junit.engine.samples"));

        assertThat(engine.getChildren())
                .map(c -> ((MirroredClassDescriptor) c).className())
                .contains(PlainSample.class.getName(), TemplateSample.class.getName())
                .noneMatch(name -> name.contains("Outer"));
    }

    @Test
    void aUniqueIdOfThisEngineSelectsTheInnerTestItNames() {
        UniqueId mirrored = UniqueId.forEngine("offload")
                .append("class", PlainSample.class.getName())
                .append("test", PLAIN + "/[method:passes()]");

        TestDescriptor engine = discover(selectUniqueId(mirrored));

        assertThat(byInnerId(engine)).containsOnlyKeys(PLAIN + "/[method:passes()]");
        assertThat(byInnerId(engine).get(PLAIN + "/[method:passes()]").getUniqueId())
                .isEqualTo(mirrored);
    }

    @Test
    void theEngineNeverMirrorsItself() {
        TestDescriptor engine = discover(DiscoverySelectors.selectPackage("dev.offload.junit.engine.samples"));

        assertThat(engine.getDescendants())
                .filteredOn(MirroredTestDescriptor.class::isInstance)
                .map(d -> ((MirroredTestDescriptor) d).innerId())
                .allMatch(id -> id.startsWith(JUPITER));
    }

    static TestDescriptor discover(org.junit.platform.engine.DiscoverySelector... selectors) {
        return discover(Map.of("offload.enabled", "true"), List.of(), selectors);
    }

    static TestDescriptor discover(
            Map<String, String> parameters,
            List<Filter<?>> filters,
            org.junit.platform.engine.DiscoverySelector... selectors) {
        return EngineTestKit.engine(new OffloadTestEngine())
                .configurationParameters(parameters)
                .filters(filters.toArray(Filter<?>[]::new))
                .selectors(selectors)
                .discover()
                .getEngineDescriptor();
    }

    static Map<String, TestDescriptor> byInnerId(TestDescriptor engine) {
        return engine.getDescendants().stream()
                .filter(MirroredTestDescriptor.class::isInstance)
                .collect(Collectors.toMap(d -> ((MirroredTestDescriptor) d).innerId(), Function.identity()));
    }
}
