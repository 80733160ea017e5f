package dev.offload.junit.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.UniqueId;

/**
 * Invocations of test templates and factories, which exist only once they ran (SPEC §16.4): an id reported by Offload
 * that is no mirrored test belongs to the template whose UniqueId it extends, and is registered under it once.
 */
final class Invocations {
    private final List<MirroredTestDescriptor> templates;
    private final Map<String, MirroredTestDescriptor> registered = new HashMap<>();
    private final List<MirroredTestDescriptor> order = new ArrayList<>();

    Invocations(List<MirroredTestDescriptor> units) {
        // Longest id first, so a template nested in another template's id space wins.
        this.templates = units.stream()
                .filter(TestDescriptor::isContainer)
                .sorted(Comparator.comparingInt(
                                (MirroredTestDescriptor t) -> t.innerId().length())
                        .reversed())
                .toList();
    }

    /** The invocation with this id, created and handed to {@code onNew} (to register it) the first time. */
    Optional<TestDescriptor> of(String id, Consumer<TestDescriptor> onNew) {
        MirroredTestDescriptor known = registered.get(id);
        if (known != null) {
            return Optional.of(known);
        }
        for (MirroredTestDescriptor template : templates) {
            if (id.startsWith(template.innerId() + "/")) {
                MirroredTestDescriptor invocation = create(template, id);
                template.addChild(invocation);
                registered.put(id, invocation);
                order.add(invocation);
                onNew.accept(invocation);
                return Optional.of(invocation);
            }
        }
        return Optional.empty();
    }

    List<MirroredTestDescriptor> registered() {
        return List.copyOf(order);
    }

    /**
     * Names follow Jupiter's: {@code [2]} as display name and {@code numbers(int)[2]} as legacy reporting name, which
     * Surefire uses as the report name of template invocations.
     */
    private static MirroredTestDescriptor create(MirroredTestDescriptor template, String id) {
        StringBuilder indexes = new StringBuilder();
        try {
            List<UniqueId.Segment> all = UniqueId.parse(id).getSegments();
            int depth = UniqueId.parse(template.innerId()).getSegments().size();
            for (UniqueId.Segment segment : all.subList(depth, all.size())) {
                indexes.append('[')
                        .append(segment.getValue().replaceFirst("^#", ""))
                        .append(']');
            }
        } catch (RuntimeException e) {
            indexes.append('[')
                    .append(id.substring(template.innerId().length() + 1))
                    .append(']');
        }
        return new MirroredTestDescriptor(
                template.getUniqueId().append(MirroredTestDescriptor.SEGMENT, id),
                id,
                indexes.toString(),
                template.getLegacyReportingName() + indexes,
                template.getTags(),
                template.getSource().orElse(null),
                TestDescriptor.Type.TEST);
    }
}
