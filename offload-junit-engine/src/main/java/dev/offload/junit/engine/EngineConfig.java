package dev.offload.junit.engine;

import dev.offload.core.config.Config;
import dev.offload.core.config.ConfigException;
import dev.offload.core.config.ConfigLoader;
import dev.offload.core.config.FrameworkConfig;
import dev.offload.core.config.GroupConfig;
import dev.offload.core.config.LoadOptions;
import dev.offload.core.config.OffloadSettings;
import dev.offload.core.config.ProviderConfig;
import dev.offload.core.config.ReportConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The configuration the engine runs with (SPEC §4.1, §16.2): the file named by {@code offload.config} (default
 * {@code offload.toml} in the working directory) or, without one, the local provider with one JVM per core. Either way
 * the framework is junit on this JVM's test classpath; a {@code [framework]} of junit type contributes {@code java},
 * {@code jvm_args}, {@code sandbox_classpath} and {@code granularity}.
 */
final class EngineConfig {
    /** Group of the built-in configuration. */
    static final String DEFAULT_GROUP = "default";

    private EngineConfig() {}

    static Config load(EngineParameters parameters, List<String> classpath, Consumer<String> warnings)
            throws ConfigException {
        Path file = parameters.configFile();
        Config config = Files.isRegularFile(file) ? fromFile(file, parameters, warnings) : builtIn(file, parameters);
        return withJunit(config, classpath, warnings);
    }

    private static Config fromFile(Path file, EngineParameters parameters, Consumer<String> warnings)
            throws ConfigException {
        var options = new LoadOptions(
                parameters.strict(), System.getenv(), parameters.defaultOutputDir(), Optional.empty(), warnings, true);
        return ConfigLoader.load(file, options);
    }

    /** No file: local sandboxes, one per core, one group without retries, reports in the default directory. */
    static Config builtIn(Path file, EngineParameters parameters) {
        Path dir = file.getParent();
        int cores = Runtime.getRuntime().availableProcessors();
        var offload = new OffloadSettings(
                cores,
                OffloadSettings.DEFAULT_TEST_TIMEOUT_SECS,
                Optional.empty(),
                ".",
                ".",
                Optional.empty(),
                Optional.empty(),
                true,
                0);
        var provider = new ProviderConfig.Local(Optional.empty(), Map.of(), "/bin/sh");
        Path outputDir = dir.resolve(parameters.defaultOutputDir()).normalize();
        refuseOutputDir(outputDir, dir);
        var report = new ReportConfig(outputDir, true, "junit.xml", List.of(), false, Optional.empty(), true);
        return new Config(
                file,
                dir,
                offload,
                provider,
                junit(List.of(), Optional.empty()),
                List.of(new GroupConfig(DEFAULT_GROUP, 0, "", false)),
                report,
                Optional.empty(),
                Optional.empty());
    }

    /**
     * The rule of SPEC §4.13 for the built-in configuration (a file's {@code output_dir} is checked when it loads):
     * Offload deletes its own entries in this directory, so it must not hold the project.
     *
     * @throws IllegalArgumentException naming {@code offload.outputDir}
     */
    static void refuseOutputDir(Path outputDir, Path projectDir) {
        Path home = Path.of(System.getProperty("user.home")).toAbsolutePath().normalize();
        if (projectDir.toAbsolutePath().normalize().startsWith(outputDir.toAbsolutePath()) || outputDir.equals(home)) {
            throw new IllegalArgumentException(EngineParameters.OUTPUT_DIR + " '" + outputDir
                    + "' is refused: it contains the project directory; use a subdirectory such as target/offload");
        }
    }

    private static Config withJunit(Config config, List<String> classpath, Consumer<String> warnings) {
        Optional<FrameworkConfig.Junit> fromFile = Optional.empty();
        if (config.framework() instanceof FrameworkConfig.Junit junit) {
            fromFile = Optional.of(junit);
        } else if (Files.isRegularFile(config.file())) {
            warnings.accept(config.file() + ": [framework] type '"
                    + config.framework().type() + "' is ignored by the JUnit engine, which always runs junit tests");
        }
        return new Config(
                config.file(),
                config.configDir(),
                config.offload(),
                config.provider(),
                junit(classpath, fromFile),
                config.groups(),
                config.report(),
                config.history(),
                config.checkpoint());
    }

    private static FrameworkConfig.Junit junit(List<String> classpath, Optional<FrameworkConfig.Junit> fromFile) {
        return new FrameworkConfig.Junit(
                Optional.of(classpath),
                Optional.of(List.of()),
                fromFile.map(FrameworkConfig.Junit::java).orElse("java"),
                fromFile.map(FrameworkConfig.Junit::jvmArgs).orElse(""),
                fromFile.flatMap(FrameworkConfig.Junit::sandboxClasspath),
                fromFile.map(FrameworkConfig.Junit::granularity).orElse(FrameworkConfig.Junit.Granularity.CLASS));
    }
}
