package dev.offload.core.provider;

import java.util.Collections;
import java.util.Map;
import java.util.TreeMap;

/** The environment of one batch (SPEC §8.1). */
public final class BatchEnvironment {
    /** The project root inside the sandbox. */
    public static final String OFFLOAD_ROOT = "OFFLOAD_ROOT";
    /** The run id. */
    public static final String OFFLOAD_RUN_ID = "OFFLOAD_RUN_ID";
    /** The 0-based pool slot, for tests that separate resources per sandbox. */
    public static final String OFFLOAD_SANDBOX_INDEX = "OFFLOAD_SANDBOX_INDEX";

    private BatchEnvironment() {}

    /**
     * Merges the layers, later winning: provider {@code env}, {@code --env} values, then the {@code OFFLOAD_*}
     * variables, which no layer can override. Keys are sorted so that generated command lines are deterministic.
     */
    public static Map<String, String> build(
            Map<String, String> providerEnv, Map<String, String> cliEnv, String root, String runId, int slot) {
        Map<String, String> env = new TreeMap<>(providerEnv);
        env.putAll(cliEnv);
        env.put(OFFLOAD_ROOT, root);
        env.put(OFFLOAD_RUN_ID, runId);
        env.put(OFFLOAD_SANDBOX_INDEX, Integer.toString(slot));
        return Collections.unmodifiableMap(env);
    }
}
