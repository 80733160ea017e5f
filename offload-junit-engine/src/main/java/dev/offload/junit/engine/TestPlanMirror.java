package dev.offload.junit.engine;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;

/**
 * Turns the inner test plan into engine → class container → test descriptors (SPEC §16.3). A unit is an inner TEST,
 * or a CONTAINER with a {@code MethodSource} (a test template or factory, whose invocations appear only when it runs).
 * Its class is the {@code MethodSource}'s class (for {@code @Nested} tests the nested class's binary name), else the
 * nearest enclosing {@code ClassSource}, else the inner engine's id.
 */
final class TestPlanMirror {
    private final TestPlan plan;
    private final TestDescriptor engine;
    private final Map<String, MirroredClassDescriptor> classes = new LinkedHashMap<>();

    private TestPlanMirror(TestPlan plan, TestDescriptor engine) {
        this.plan = plan;
        this.engine = engine;
    }

    /** Adds the mirrored containers and tests of {@code plan} under {@code engine}. */
    static void mirror(TestPlan plan, TestDescriptor engine) {
        var mirror = new TestPlanMirror(plan, engine);
        for (TestIdentifier root : plan.getRoots()) {
            String engineId = UniqueId.parse(root.getUniqueId()).getEngineId().orElse("unknown");
            mirror.walk(root, engineId, Optional.empty());
        }
    }

    private void walk(TestIdentifier node, String engineId, Optional<TestIdentifier> enclosingClass) {
        Optional<TestIdentifier> classNode = node.getSource()
                .filter(ClassSource.class::isInstance)
                .map(s -> node)
                .or(() -> enclosingClass);
        boolean template = node.isContainer() && node.getSource().orElse(null) instanceof MethodSource;
        if (node.isTest() || template) {
            add(node, engineId, classNode, template);
            return;
        }
        for (TestIdentifier child : plan.getChildren(node)) {
            walk(child, engineId, classNode);
        }
    }

    private void add(TestIdentifier unit, String engineId, Optional<TestIdentifier> classNode, boolean template) {
        String className = unit.getSource()
                .filter(MethodSource.class::isInstance)
                .map(s -> ((MethodSource) s).getClassName())
                .or(() -> classNode.map(TestPlanMirror::classNameOf))
                .orElse(engineId);
        MirroredClassDescriptor container = classes.computeIfAbsent(className, name -> newContainer(name, classNode));
        var test = new MirroredTestDescriptor(
                container.getUniqueId().append(MirroredTestDescriptor.SEGMENT, unit.getUniqueId()),
                unit.getUniqueId(),
                unit.getDisplayName(),
                unit.getLegacyReportingName(),
                unit.getTags(),
                unit.getSource().orElse(null),
                template ? TestDescriptor.Type.CONTAINER : TestDescriptor.Type.TEST);
        container.addChild(test);
    }

    private MirroredClassDescriptor newContainer(String className, Optional<TestIdentifier> classNode) {
        // Prefer the inner class descriptor itself (display name, tags), when it is the same class.
        Optional<TestIdentifier> same = classNode.filter(c -> classNameOf(c).equals(className));
        String displayName = same.map(TestIdentifier::getDisplayName).orElse(simpleName(className));
        Set<TestTag> tags = same.map(TestIdentifier::getTags).orElse(Set.of());
        TestSource source = ClassSource.from(className);
        var container = new MirroredClassDescriptor(
                engine.getUniqueId().append(MirroredClassDescriptor.SEGMENT, className),
                className,
                displayName,
                tags,
                source);
        engine.addChild(container);
        return container;
    }

    private static String classNameOf(TestIdentifier classNode) {
        return ((ClassSource) classNode.getSource().orElseThrow()).getClassName();
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
