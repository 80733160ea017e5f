package dev.offload.core.config;

import java.util.StringJoiner;

/** The text {@code validate} prints for a valid configuration (SPEC §5.4). */
public final class ConfigSummary {
    private ConfigSummary() {}

    /** {@code Configuration is valid!}, the {@code Settings:} lines and the {@code Groups:} lines, newline-terminated. */
    public static String render(Config config) {
        StringJoiner out = new StringJoiner("\n", "", "\n");
        out.add("Configuration is valid!");
        out.add("");
        out.add("Settings:");
        out.add("  Max parallel: " + config.offload().maxParallel());
        out.add("  Test timeout: " + config.offload().testTimeoutSecs() + "s");
        out.add("  Provider: " + config.provider().type());
        out.add("  Framework: " + config.framework().type());
        out.add("  Output dir: " + config.report().outputDir());
        config.history()
                .ifPresent(h -> out.add("  History: " + h.path() + " (record: "
                        + h.recordHistory().name().toLowerCase(java.util.Locale.ROOT) + ")"));
        config.offload().sandboxInitCmd().ifPresent(cmd -> out.add("  Sandbox init cmd: " + cmd));
        out.add("");
        out.add("Groups:");
        for (GroupConfig group : config.groups()) {
            out.add("  " + group.name() + ": retry_count = " + group.retryCount());
        }
        return out.toString();
    }
}
