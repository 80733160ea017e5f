package dev.offload.core.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * How a front door wants {@code offload.toml} loaded.
 *
 * @param strict unknown keys are errors instead of warnings (SPEC §4.2 step 5)
 * @param environment variables visible to {@code ${VAR}} expansion (SPEC §4.3), usually {@code System.getenv()}
 * @param defaultOutputDir output directory when the file sets none: relative paths resolve against the config
 *     directory ({@code test-results} for the CLI, {@code ${project.build.directory}/offload} for the plugin)
 * @param projectRoot the directory an output directory must never be (SPEC §4.13); empty means the config directory
 * @param warnings receives each warning line (already prefixed with the file, line and column)
 * @param junitPathsFromBuild the front door supplies the junit framework's {@code classpath} and {@code test_dirs}
 *     from the build (plugin, engine), so the file need not set them (SPEC §4.12 step 9); false for the CLI
 */
public record LoadOptions(
        boolean strict,
        Map<String, String> environment,
        Path defaultOutputDir,
        Optional<Path> projectRoot,
        Consumer<String> warnings,
        boolean junitPathsFromBuild) {

    public LoadOptions {
        environment = Map.copyOf(environment);
    }

    /** The CLI's form: junit {@code classpath}/{@code test_dirs} must come from the file. */
    public LoadOptions(
            boolean strict,
            Map<String, String> environment,
            Path defaultOutputDir,
            Optional<Path> projectRoot,
            Consumer<String> warnings) {
        this(strict, environment, defaultOutputDir, projectRoot, warnings, false);
    }

    /** The CLI's defaults: process environment, {@code test-results}, warnings to stderr. */
    public static LoadOptions cli(boolean strict) {
        return new LoadOptions(strict, System.getenv(), Path.of("test-results"), Optional.empty(), System.err::println);
    }
}
