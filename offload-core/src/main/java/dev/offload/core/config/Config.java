package dev.offload.core.config;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A loaded, expanded and validated {@code offload.toml} (SPEC §4). Immutable; every default is
 * already applied and every relative local path is already resolved against {@link #configDir()}.
 */
public record Config(
        Path file,
        Path configDir,
        OffloadSettings offload,
        ProviderConfig provider,
        FrameworkConfig framework,
        List<GroupConfig> groups,
        ReportConfig report,
        Optional<HistoryConfig> history,
        Optional<CheckpointConfig> checkpoint) {

    public Config {
        Objects.requireNonNull(file);
        Objects.requireNonNull(configDir);
        Objects.requireNonNull(offload);
        Objects.requireNonNull(provider);
        Objects.requireNonNull(framework);
        groups = List.copyOf(groups);
        Objects.requireNonNull(report);
        Objects.requireNonNull(history);
        Objects.requireNonNull(checkpoint);
    }

    /**
     * This configuration with the build's junit class path and test directories filled in where the file sets none
     * (the plugin and the engine, SPEC §4.7); unchanged for other frameworks.
     */
    public Config withJunitBuildPaths(List<String> classpath, List<String> testDirs) {
        if (!(framework instanceof FrameworkConfig.Junit junit)) {
            return this;
        }
        return new Config(
                file,
                configDir,
                offload,
                provider,
                junit.withBuildPaths(classpath, testDirs),
                groups,
                report,
                history,
                checkpoint);
    }

    /** The group with this name; groups keep file order. */
    public Optional<GroupConfig> group(String name) {
        return groups.stream().filter(g -> g.name().equals(name)).findFirst();
    }
}
