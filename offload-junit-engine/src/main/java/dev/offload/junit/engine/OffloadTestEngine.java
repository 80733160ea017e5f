package dev.offload.junit.engine;

import dev.offload.core.provider.BatchEnvironment;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * The engine {@code offload} (SPEC §16): when {@code offload.enabled=true} it mirrors the tests of every other engine
 * and runs them in Offload's sandboxes instead of this JVM; otherwise it finds nothing, so having it on the classpath
 * changes nothing.
 */
public final class OffloadTestEngine implements TestEngine {
    /** The engine id, also what Surefire's {@code includeJUnit5Engines} names. */
    public static final String ID = "offload";

    private final NestedPlanCache plans = new NestedPlanCache();

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        var engine = new EngineDescriptor(uniqueId, "Offload");
        // Inside a sandbox (a batch JVM of this very engine's run) the engine stays off whatever the parameters say.
        boolean inSandbox = System.getenv(BatchEnvironment.OFFLOAD_RUN_ID) != null;
        if (!inSandbox && EngineParameters.enabled(request.getConfigurationParameters())) {
            TestPlanMirror.mirror(plans.plan(request, () -> NestedDiscovery.discover(request)), engine);
        }
        return engine;
    }

    @Override
    public void execute(ExecutionRequest request) {
        new EngineExecution(request).run();
    }
}
