package dev.offload.core.provider;

import java.util.Map;

public final class BatchEnvironment {
    private BatchEnvironment() {}

    public static Map<String, String> build(
            Map<String, String> providerEnv, Map<String, String> cliEnv, String root, String runId, int slot) {
        throw new UnsupportedOperationException();
    }
}
