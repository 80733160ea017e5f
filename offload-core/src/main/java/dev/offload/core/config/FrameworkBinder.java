package dev.offload.core.config;

import dev.offload.core.config.FrameworkConfig.Junit.Granularity;
import java.util.List;
import java.util.Optional;

/** Binds {@code [framework]} to the record of its {@code type} with the defaults of SPEC §4.7. */
final class FrameworkBinder {
    private final ConfigFile file;

    FrameworkBinder(ConfigFile file) {
        this.file = file;
    }

    FrameworkConfig bind(Fields f) throws ConfigException {
        String type = f.requiredString("type");
        return switch (type) {
            case "pytest" ->
                new FrameworkConfig.Pytest(
                        localPaths(f, "paths"),
                        f.string("command", "python -m pytest"),
                        f.string("run_args"),
                        f.string("test_id_format", "{name}"),
                        f.bool("fork_batches", true));
            case "nextest" ->
                new FrameworkConfig.Nextest(
                        f.string("package"),
                        f.strings("features", List.of()),
                        f.string("bin"),
                        f.bool("include_ignored", false),
                        f.string("test_id_format", "{classname} {name}"));
            case "vitest" ->
                new FrameworkConfig.Vitest(
                        f.string("command", "npx vitest"),
                        f.string("run_args"),
                        f.string("test_id_format", "{classname} > {name}"));
            case "default" ->
                new FrameworkConfig.Default(
                        f.requiredString("discover_command"),
                        f.requiredString("run_command"),
                        f.string("result_file"),
                        // Verbatim: discovery resolves it against the config directory, batches against OFFLOAD_ROOT.
                        f.string("working_dir"),
                        f.requiredString("test_id_format"));
            case "junit" ->
                new FrameworkConfig.Junit(
                        localPaths(f, "classpath"),
                        localPaths(f, "test_dirs"),
                        f.string("java", "java"),
                        f.string("jvm_args", ""),
                        f.string("sandbox_classpath"),
                        granularity(f),
                        f.string("classpath_command"));
            default ->
                throw file.error(
                        f.raw("type").orElseThrow(),
                        "unknown framework type '" + type + "' (expected one of "
                                + String.join(", ", ConfigSchema.FRAMEWORK.keySet()) + ")");
        };
    }

    private Optional<List<String>> localPaths(Fields f, String key) throws ConfigException {
        return f.strings(key).map(paths -> paths.stream().map(file::resolve).toList());
    }

    private Granularity granularity(Fields f) throws ConfigException {
        Optional<String> value = f.string("granularity");
        if (value.isEmpty() || value.get().equals("class")) {
            return Granularity.CLASS;
        }
        if (value.get().equals("method")) {
            return Granularity.METHOD;
        }
        throw file.error(
                f.raw("granularity").orElseThrow(), "expected \"class\" or \"method\", found \"" + value.get() + "\"");
    }
}
