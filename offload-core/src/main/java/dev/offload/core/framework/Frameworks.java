package dev.offload.core.framework;

import dev.offload.core.config.FrameworkConfig;
import java.nio.file.Path;

/** Creates the {@link Framework} a validated {@code [framework]} table describes. */
public final class Frameworks {
    private Frameworks() {}

    /**
     * @param configDir the config directory (SPEC §4.1)
     * @throws IllegalArgumentException when {@code command} or {@code run_args} cannot be split like a shell
     * @throws UnsupportedOperationException for a framework type this build does not support yet
     */
    public static Framework create(FrameworkConfig config, Path configDir) {
        return create(config, configDir, true);
    }

    /**
     * @param batchesUseDiscoveryTools whether batches run with the tools discovery ran with (the local provider):
     *     only then does pytest pass ids in an {@code @file}, which needs pytest ≥ 8.2 where the batch runs, and
     *     only then does junit use its local class path instead of shipping it (SPEC §7.3)
     */
    public static Framework create(FrameworkConfig config, Path configDir, boolean batchesUseDiscoveryTools) {
        if (config instanceof FrameworkConfig.Pytest pytest) {
            return new PytestFramework(pytest, batchesUseDiscoveryTools);
        }
        if (config instanceof FrameworkConfig.Vitest vitest) {
            return new VitestFramework(vitest);
        }
        if (config instanceof FrameworkConfig.Nextest nextest) {
            return new NextestFramework(nextest);
        }
        if (config instanceof FrameworkConfig.Junit junit) {
            return new JunitFramework(junit, configDir, batchesUseDiscoveryTools);
        }
        if (config instanceof FrameworkConfig.Default shell) {
            return new DefaultFramework(shell, configDir);
        }
        throw new UnsupportedOperationException("framework type '" + config.type() + "' is not supported yet");
    }
}
