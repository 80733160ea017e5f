package dev.offload.junit.engine;

import java.util.Set;
import org.junit.platform.engine.TestSource;
import org.junit.platform.engine.TestTag;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;

/**
 * A test of another engine, mirrored under its class container (SPEC §16.3): {@code [test:<inner UniqueId>]}. A test
 * template or factory is a CONTAINER whose invocations are registered while the run reports them; everything the outer
 * launcher filters on (display name, legacy reporting name, tags, source) is copied from the inner descriptor.
 */
final class MirroredTestDescriptor extends AbstractTestDescriptor {
    static final String SEGMENT = "test";

    private final String innerId;
    private final String legacyReportingName;
    private final Set<TestTag> tags;
    private final Type type;

    MirroredTestDescriptor(
            UniqueId id,
            String innerId,
            String displayName,
            String legacyReportingName,
            Set<TestTag> tags,
            TestSource source,
            Type type) {
        super(id, displayName, source);
        this.innerId = innerId;
        this.legacyReportingName = legacyReportingName;
        this.tags = Set.copyOf(tags);
        this.type = type;
    }

    /** The inner engine's UniqueId, which is Offload's test id. */
    String innerId() {
        return innerId;
    }

    @Override
    public Type getType() {
        return type;
    }

    @Override
    public boolean mayRegisterTests() {
        return type == Type.CONTAINER;
    }

    @Override
    public String getLegacyReportingName() {
        return legacyReportingName;
    }

    @Override
    public Set<TestTag> getTags() {
        return tags;
    }
}
