package dev.offload.core.config;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Writes an {@code offload.toml} into a temporary directory and loads it, collecting warnings. */
final class ConfigFixture {
    static final String MINIMAL = """
            [offload]

            [provider]
            type = "local"

            [framework]
            type = "pytest"

            [groups.all]
            """;

    final Path dir;
    final Path file;
    final List<String> warnings = new ArrayList<>();
    Map<String, String> environment = Map.of();
    boolean strict;
    boolean junitPathsFromBuild;

    ConfigFixture(Path dir) {
        this.dir = dir;
        this.file = dir.resolve("offload.toml");
    }

    /** The file name as every message starts with it. */
    String name() {
        return file.toString();
    }

    Config load(String toml) throws ConfigException {
        write(toml);
        return load();
    }

    Config load() throws ConfigException {
        LoadOptions options = new LoadOptions(
                strict, environment, Path.of("test-results"), Optional.empty(), warnings::add, junitPathsFromBuild);
        return ConfigLoader.load(file, options);
    }

    void write(String toml) {
        try {
            Files.writeString(file, toml);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
