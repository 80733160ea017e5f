package dev.offload.core.provider;

import dev.offload.core.config.Config;
import dev.offload.core.config.ProviderConfig;
import java.nio.file.Path;
import java.util.function.Consumer;

/** Creates the {@link Provider} a validated {@code [provider]} table describes. */
public final class Providers {
    private Providers() {}

    /**
     * @throws ProviderException for a provider type this release cannot run yet
     */
    public static Provider create(Config config, Path runTempDir, Consumer<String> warnings) throws ProviderException {
        if (config.provider() instanceof ProviderConfig.Local local) {
            LocalProvider.ignoredSettings(config.offload()).forEach(warnings);
            return LocalProvider.from(local, config.offload(), config.configDir(), runTempDir);
        }
        throw new ProviderException("provider type '" + config.provider().type()
                + "' cannot run batches in this release yet; use type = \"local\"");
    }
}
