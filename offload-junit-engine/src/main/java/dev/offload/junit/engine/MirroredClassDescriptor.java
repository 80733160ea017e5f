package dev.offload.junit.engine;

import java.util.Optional;
import java.util.Set;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * One test class, nested classes flattened by binary name (SPEC §16.3). Surefire counts a custom engine's tests only
 * under a container with a {@code ClassSource}, and uses this container as its test set.
 */
final class MirroredClassDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "class";

    private final String className;
    private final Set<TestTag> tags;

    MirroredClassDescriptor(UniqueId id, String className, String displayName, Set<TestTag> tags, TestSource source) {
        super(id, displayName, source);
        this.className = className;
        this.tags = Set.copyOf(tags);
    }

    String className() {
        return className;
    }

    @Override
    public Type getType() {
        return Type.CONTAINER;
    }

    @Override
    public String getLegacyReportingName() {
        return className;
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }

    /** The class container of a mirrored descriptor, if it hangs under one. */
    static Optional<MirroredClassDescriptor> of(org.junit.platform.engine.TestDescriptor descriptor) {
        for (var d = Optional.of(descriptor); d.isPresent(); d = d.get().getParent()) {
            if (d.get() instanceof MirroredClassDescriptor container) {
                return Optional.of(container);
            }
        }
        return Optional.empty();
    }
}
