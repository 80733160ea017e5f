package dev.offload.core.config;

import java.util.List;

/**
 * The commented {@code offload.toml} that {@code init} writes (SPEC §5.4, §18): valid as written for every provider
 * and framework pair, with the provider's required keys, the framework's defaults, one group, {@code [report]} with
 * its defaults and a commented {@code [history]} example.
 */
public final class InitTemplate {
    /** Provider types {@code init --provider} accepts; the first is the default. */
    public static final List<String> PROVIDERS = List.copyOf(ConfigSchema.PROVIDER.keySet());

    /** Framework types {@code init --framework} accepts; the first is the default. */
    public static final List<String> FRAMEWORKS = List.copyOf(ConfigSchema.FRAMEWORK.keySet());

    private InitTemplate() {}

    /**
     * The file text.
     *
     * @throws IllegalArgumentException for a provider or framework not in {@link #PROVIDERS} / {@link #FRAMEWORKS}
     */
    public static String render(String provider, String framework) {
        if (!PROVIDERS.contains(provider)) {
            throw new IllegalArgumentException(
                    "unknown provider '" + provider + "' (expected one of " + String.join(", ", PROVIDERS) + ")");
        }
        if (!FRAMEWORKS.contains(framework)) {
            throw new IllegalArgumentException(
                    "unknown framework '" + framework + "' (expected one of " + String.join(", ", FRAMEWORKS) + ")");
        }
        return header(provider, framework)
                + offload(provider)
                + InitProviderBlocks.render(provider, framework)
                + InitFrameworkBlocks.render(provider, framework)
                + GROUPS_AND_REPORT;
    }

    private static String header(String provider, String framework) {
        return "# Offload configuration: provider '" + provider + "', framework '" + framework + "'.\n"
                + "# Every key is described in docs/configuration.md. Check this file with 'offload validate'.\n\n";
    }

    private static String offload(String provider) {
        String root = provider.equals("local") ? "." : "/app";
        return """
                [offload]
                # Maximum number of sandboxes running at once (also the number of batches).
                max_parallel = 10
                # Wall-clock limit of one batch, in seconds.
                test_timeout_secs = 900
                # Where the repository lives inside the sandbox; test commands run there.
                sandbox_repo_root = "%s"

                """.formatted(root);
    }

    private static final String GROUPS_AND_REPORT = """
            # Each group selects tests with a discovery filter and has its own retry policy.
            [groups.default]
            retry_count = 0
            filters = ""

            [report]
            output_dir = "test-results"
            junit = true
            junit_file = "junit.xml"
            html = true

            # Uncomment to learn test durations across runs (commit the file).
            # [history]
            # record_history = "flag"
            # path = "offload-history.jsonl"
            """;
}
