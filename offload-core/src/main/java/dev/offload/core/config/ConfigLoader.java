package dev.offload.core.config;

import java.nio.file.Path;

/** Reads {@code offload.toml} into a validated {@link Config} (SPEC §4.2). */
public final class ConfigLoader {
    private ConfigLoader() {}

    public static Config load(Path file, LoadOptions options) throws ConfigException {
        throw new ConfigException(file + ": configuration loading is not implemented yet");
    }
}
