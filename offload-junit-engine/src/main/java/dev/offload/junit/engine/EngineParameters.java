package dev.offload.junit.engine;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.platform.engine.ConfigurationParameters;

/**
 * The engine's JUnit configuration parameters (SPEC §16.2), read from the launcher request (which also sees system
 * properties and {@code junit-platform.properties}). Values mean what the same-named Maven properties mean (§6.2).
 */
final class EngineParameters {
    /** {@value}: {@code true} switches the engine on; anything else leaves it empty. */
    static final String ENABLED = "offload.enabled";
    /** {@value}: the config file; default {@code offload.toml} in the JVM's working directory. */
    static final String CONFIG = "offload.config";
    /** {@value}: report directory when the file sets no {@code output_dir}; default {@code test-results}. */
    static final String OUTPUT_DIR = "offload.outputDir";
    /** {@value}: the test classpath; default Surefire's {@code surefire.test.class.path}, else this JVM's. */
    static final String CLASSPATH = "offload.classpath";

    static final String PARALLEL = "offload.parallel";
    static final String FAIL_FAST = "offload.failFast";
    static final String SHARD = "offload.shard";
    static final String RECORD_HISTORY = "offload.recordHistory";
    static final String NO_CACHE = "offload.noCache";
    static final String TRACE = "offload.trace";
    /** {@value}: comma list of {@code KEY=VALUE} batch environment entries. */
    static final String ENV = "offload.env";

    static final String STRICT = "offload.strict";

    private final ConfigurationParameters parameters;

    EngineParameters(ConfigurationParameters parameters) {
        this.parameters = parameters;
    }

    static boolean enabled(ConfigurationParameters parameters) {
        return parameters.getBoolean(ENABLED).orElse(false);
    }

    Path configFile() {
        return Path.of(parameters.get(CONFIG).orElse("offload.toml")).toAbsolutePath();
    }

    Path defaultOutputDir() {
        return Path.of(parameters.get(OUTPUT_DIR).orElse("test-results"));
    }

    Optional<String> classpath() {
        return parameters.get(CLASSPATH);
    }

    boolean strict() {
        return flag(STRICT);
    }

    boolean failFast() {
        return flag(FAIL_FAST);
    }

    boolean trace() {
        return flag(TRACE);
    }

    boolean recordHistory() {
        return flag(RECORD_HISTORY);
    }

    Optional<String> shard() {
        return parameters.get(SHARD).map(String::trim).filter(s -> !s.isEmpty());
    }

    /**
     * {@code offload.parallel}.
     *
     * @throws IllegalArgumentException naming the parameter when it is not a positive integer
     */
    OptionalInt parallel() {
        Optional<String> value = parameters.get(PARALLEL).map(String::trim).filter(s -> !s.isEmpty());
        if (value.isEmpty()) {
            return OptionalInt.empty();
        }
        try {
            int n = Integer.parseInt(value.get());
            if (n >= 1) {
                return OptionalInt.of(n);
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException(
                PARALLEL + " must be a positive integer, got '" + value.get() + "'; fix the configuration parameter");
    }

    /** {@code offload.env}: entries without {@code =} or with an empty key are skipped with a warning. */
    Map<String, String> env(java.util.function.Consumer<String> warnings) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String entry : parameters.get(ENV).orElse("").split(",")) {
            if (entry.isBlank()) {
                continue;
            }
            int eq = entry.indexOf('=');
            if (eq <= 0) {
                warnings.accept(ENV + ": ignoring '" + entry.trim() + "' (expected KEY=VALUE)");
                continue;
            }
            env.put(entry.substring(0, eq).trim(), entry.substring(eq + 1));
        }
        return env;
    }

    private boolean flag(String key) {
        return parameters.getBoolean(key).orElse(false);
    }
}
