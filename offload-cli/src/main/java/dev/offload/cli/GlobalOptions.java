package dev.offload.cli;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigException;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.LoadOptions;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * Options every command shares (SPEC §5.1). They are inherited, so {@code offload -c x validate} and {@code offload
 * validate -c x} mean the same; subcommands read them through {@link OffloadCommand#globalOptions()}.
 */
public final class GlobalOptions {
    static final Path DEFAULT_CONFIG = Path.of("offload.toml");
    static final Path DEFAULT_OUTPUT_DIR = Path.of("test-results");

    @Option(
            names = {"-c", "--config"},
            paramLabel = "PATH",
            scope = ScopeType.INHERIT,
            description = "Configuration file (default: ${DEFAULT-VALUE}).",
            defaultValue = "offload.toml")
    private Path config = DEFAULT_CONFIG;

    @Option(
            names = {"-v", "--verbose"},
            scope = ScopeType.INHERIT,
            description = "Log batch starts and ends and every external command.")
    private boolean verbose;

    public Path config() {
        return config;
    }

    public boolean verbose() {
        return verbose;
    }

    /** Loads the configuration the CLI way: process environment, {@code test-results}, warnings to {@code err}. */
    public Config loadConfig(boolean strict, PrintWriter err) throws ConfigException {
        LoadOptions options =
                new LoadOptions(strict, System.getenv(), DEFAULT_OUTPUT_DIR, Optional.empty(), err::println);
        return ConfigLoader.load(config, options);
    }
}
